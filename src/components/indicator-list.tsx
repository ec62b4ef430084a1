import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Indicator } from "@/lib/catalog/schema";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { simpleStatus } from "@/lib/progress/simple-status";
import { useHeadlines } from "@/lib/query/headlines";
import { StatusBadge } from "./status-badge";

/** Indicators as a compact table: status and latest value where there is data, "no data yet" where not. */
export function IndicatorList({
  indicators,
  caption,
}: {
  indicators: readonly Indicator[];
  caption: string;
}) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const headlines = useHeadlines(indicators);
  return (
    <div className="table-scroll">
      <table className="data-table indicator-list">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("catalog.indicator")}</th>
            <th scope="col">{t("indicator.unit")}</th>
            <th scope="col">{t("catalog.collection")}</th>
            <th scope="col">{t("catalog.status")}</th>
            <th scope="col" className="num">
              {t("overview.latest")}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => {
            const series = headlines.data?.get(indicator.id) ?? [];
            const status = simpleStatus(indicator, series);
            return (
              <tr key={indicator.id} data-indicator-row={indicator.id}>
                <th scope="row">
                  <Link to={`/${language}/indicators/${indicator.id}`}>
                    {local(indicator.title)}
                  </Link>
                  {indicator.sdg && <span className="tag">ODS {indicator.sdg.indicator}</span>}
                </th>
                <td>{t(`units.${indicator.unit}`)}</td>
                <td>{t(`collections.${indicator.collection}`)}</td>
                <td>
                  {headlines.isPending ? (
                    "…"
                  ) : series.length === 0 ? (
                    <span className="no-data">{t("catalog.noDataYet")}</span>
                  ) : (
                    <StatusBadge status={status.status} />
                  )}
                </td>
                <td className="num">
                  {status.latest
                    ? `${formatValue(status.latest.value, indicator.unit, language, "—")} · ${formatPeriod(status.latest.period, language)}`
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
