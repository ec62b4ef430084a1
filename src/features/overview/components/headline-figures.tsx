import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IllustrativeBadge } from "@/components/illustrative-badge";
import { findIndicator } from "@/lib/catalog/bundled-catalog";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { isIllustrative } from "@/lib/observations/decode-rows";
import type { SeriesPoint } from "@/lib/progress/series-point";

/** The figures a minister is asked about, each with its period, and a year's sum where counts are quarterly. */
const tiles: { id: string; sumYear?: boolean }[] = [
  { id: "remittance-cost-usd200" },
  { id: "children-in-detention" },
  { id: "children-in-alternatives" },
  { id: "returnees-received", sumYear: true },
  { id: "reintegration-rate" },
  { id: "missing-migrants-recorded", sumYear: true },
  { id: "trafficking-victims-identified", sumYear: true },
];

export function HeadlineFigures({ series }: { series: Map<string, SeriesPoint[]> }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  return (
    <section aria-labelledby="headlines-heading">
      <h2 id="headlines-heading">{t("progress.headlines")}</h2>
      <div className="tiles">
        {tiles.map(({ id, sumYear }) => {
          const indicator = findIndicator(id);
          if (!indicator) return null;
          const points = (series.get(id) ?? []).filter((p) => p.value !== null);
          const latest = points.at(-1);
          const lastFour = points.slice(-4);
          const value =
            sumYear && lastFour.length === 4
              ? lastFour.reduce((s, p) => s + (p.value ?? 0), 0)
              : (latest?.value ?? null);
          const period =
            sumYear && lastFour.length === 4
              ? `${formatPeriod(lastFour[0]?.period ?? "", language)} – ${formatPeriod(latest?.period ?? "", language)}`
              : latest
                ? formatPeriod(latest.period, language)
                : "";
          return (
            <div key={id} className="tile" data-tile={id}>
              <Link to={`/${language}/indicators/${id}`} className="tile__title">
                {local(indicator.title)}
              </Link>
              <span className="tile__value">
                {formatValue(value, indicator.unit, language, t("catalog.noDataYet"))}
              </span>
              <span className="muted">{period}</span>
              {indicator.target && (
                <span className="muted">
                  {t("overview.target")}:{" "}
                  {formatValue(indicator.target.value, indicator.unit, language, "")} (
                  {indicator.target.year})
                  {indicator.thresholds.map((th) => ` · ${local(th.label)}`).join("")}
                </span>
              )}
              {isIllustrative(points) && <IllustrativeBadge />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
