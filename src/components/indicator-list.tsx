import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Indicator, PopulationGroup } from "@/lib/catalog/schema";
import { sparklineOption } from "@/lib/chart/sparkline-option";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { useStatuses } from "@/lib/query/statuses";
import { EChart } from "./chart/echart";
import { SourceLine } from "./source-line";
import { StaleFlag } from "./stale-flag";
import { StatusBadge } from "./status-badge";
import { WhyPanel } from "./why-panel";

/**
 * Indicators as a table: status (with why), latest value with its source and a sparkline where
 * there is data, "no data yet" where not; sortable by status. For a population group, each row
 * reads the group's own breakdown, and indicators without one say so instead of showing totals.
 */
export function IndicatorList({
  indicators,
  caption,
  group,
}: {
  indicators: readonly Indicator[];
  caption: string;
  group?: PopulationGroup;
}) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const { statuses, headlines } = useStatuses(indicators, { group });
  const without = useMemo(() => new Set(headlines.without.map((i) => i.id)), [headlines.without]);
  const [byStatus, setByStatus] = useState(false);
  // A group's page lists first the indicators that can show the group.
  const rows = useMemo(() => {
    const shown = [
      ...indicators.filter((i) => !without.has(i.id)),
      ...indicators.filter((i) => without.has(i.id)),
    ];
    if (!byStatus || !statuses) return shown;
    const score = (i: Indicator) => statuses.get(i.id)?.result.score ?? Number.POSITIVE_INFINITY;
    return [...shown].sort((a, b) => score(a) - score(b));
  }, [indicators, statuses, byStatus, without]);
  return (
    <div className="table-scroll">
      <p>
        <button type="button" aria-pressed={byStatus} onClick={() => setByStatus((v) => !v)}>
          {t("progress.sortByStatus")}
        </button>
      </p>
      <table className="data-table indicator-list">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("catalog.indicator")}</th>
            <th scope="col">{t("catalog.collection")}</th>
            <th scope="col">{t("catalog.status")}</th>
            <th scope="col" className="num">
              {t("overview.latest")}
            </th>
            <th scope="col">{t("indicator.trend")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((indicator) => {
            const series = headlines.data?.get(indicator.id) ?? [];
            const status = statuses?.get(indicator.id);
            return (
              <tr key={indicator.id} data-indicator-row={indicator.id}>
                <th scope="row">
                  <Link to={`/${language}/indicators/${indicator.id}`}>
                    {local(indicator.title)}
                  </Link>
                  {indicator.sdg && (
                    <span className="tag">
                      {t("indicator.sdgShort")} {indicator.sdg.indicator}
                    </span>
                  )}
                </th>
                <td>{t(`collections.${indicator.collection}`)}</td>
                <td>
                  {without.has(indicator.id) ? (
                    <span className="no-data" data-no-group-breakdown>
                      {t("catalog.noGroupBreakdown")}
                    </span>
                  ) : !status ? (
                    "…"
                  ) : !status.hasData ? (
                    <span className="no-data">{t("catalog.noDataYet")}</span>
                  ) : (
                    <>
                      <StatusBadge status={status.result.status} />
                      <WhyPanel indicator={indicator} status={status} />
                    </>
                  )}
                </td>
                <td className="num" data-latest-value={status?.latest?.value ?? undefined}>
                  {status?.latest ? (
                    <>
                      {`${formatValue(status.latest.value, indicator.unit, language, "—")} · ${formatPeriod(status.latest.period, language)}`}
                      <StaleFlag
                        period={status.latest.period}
                        periodicity={indicator.periodicity}
                      />
                      <SourceLine indicatorId={indicator.id} points={series} />
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="spark-cell">
                  {series.length > 0 && (
                    <EChart
                      option={sparklineOption(series, indicator.target?.value ?? null)}
                      summary={local(indicator.title)}
                      height={32}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
