import { useTranslation } from "react-i18next";
import { formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { SeriesPoint } from "@/lib/observations/series-point";

interface DataTableProps {
  caption: string;
  series: { name: string; points: readonly SeriesPoint[] }[];
  format: (value: number | null) => string;
}

/** The chart's numbers as a table: the accessible alternative and the place to read exact values. */
export function DataTable({ caption, series, format }: DataTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows = series.flatMap((s) => s.points.map((p) => ({ series: s.name, point: p })));
  return (
    // A scrolling region must be reachable by keyboard (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls, so it takes focus
    <section className="table-wrap" tabIndex={0} aria-label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {series.length > 1 && <th scope="col">{t("indicator.series")}</th>}
            <th scope="col">{t("indicator.period")}</th>
            <th scope="col" className="num">
              {t("indicator.value")}
            </th>
            <th scope="col">{t("indicator.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ series: name, point }) => (
            <tr key={`${name}-${point.period}`}>
              {series.length > 1 && <td>{name}</td>}
              <th scope="row">{formatPeriod(point.period, language)}</th>
              <td className="num" data-obs-status={point.obs_status ?? undefined}>
                {point.obs_status === "censored" && point.note ? point.note : format(point.value)}
              </td>
              <td>
                {point.obs_status === "provisional" ||
                point.obs_status === "estimated" ||
                point.obs_status === "censored"
                  ? `${t(`labels.${point.obs_status}`)}. `
                  : ""}
                {point.note ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
