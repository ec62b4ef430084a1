import { useTranslation } from "react-i18next";
import { codeLabel } from "@/lib/catalog/bundled-catalog";
import type { DimensionName, Indicator } from "@/lib/catalog/schema";
import { formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { SeriesPoint } from "@/lib/observations/series-point";

interface LeftBehindProps {
  indicator: Indicator;
  dimension: DimensionName;
  total: readonly SeriesPoint[];
  groups: Map<string, SeriesPoint[]>;
  format: (value: number | null) => string;
}

/** Each group's latest value next to the total's in the same period, with the gap. */
export function LeftBehind({ indicator, dimension, total, groups, format }: LeftBehindProps) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const latest = [...total].reverse().find((p) => p.value !== null);
  if (!latest || latest.value === null) return null;
  const totalValue = latest.value;
  const rows = [...groups.entries()].map(([code, points]) => {
    const value = points.find((p) => p.period === latest.period)?.value ?? null;
    const label = codeLabel(dimension, code);
    return { code, name: label ? local(label) : code, value };
  });
  // For shares and rates the gap to the total is the question; counts only split the total.
  const comparable = indicator.unit !== "count" && indicator.unit !== "currency_usd";
  return (
    <section aria-labelledby="left-behind-heading" className="panel">
      <h2 id="left-behind-heading">{t("progress.leftBehind")}</h2>
      <p>{t("progress.leftBehindIntro", { period: formatPeriod(latest.period, language) })}</p>
      <table className="data-table">
        <caption>{t(`dimensions.${dimension}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("indicator.series")}</th>
            <th scope="col" className="num">
              {t("indicator.value")}
            </th>
            {comparable && (
              <th scope="col" className="num">
                {t("progress.gap")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("indicator.total")}</th>
            <td className="num">{format(totalValue)}</td>
            {comparable && <td className="num">—</td>}
          </tr>
          {rows.map((r) => (
            <tr key={r.code} data-group={r.code}>
              <th scope="row">{r.name}</th>
              <td className="num">{format(r.value)}</td>
              {comparable && (
                <td className="num">{r.value === null ? "—" : format(r.value - totalValue)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
