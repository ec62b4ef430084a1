import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EChart } from "@/components/chart/echart";
import { IllustrativeBadge } from "@/components/illustrative-badge";
import { SourceLine } from "@/components/source-line";
import { StaleFlag } from "@/components/stale-flag";
import { StatusBadge } from "@/components/status-badge";
import type { Indicator } from "@/lib/catalog/schema";
import { sparklineOption } from "@/lib/chart/sparkline-option";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { isIllustrative } from "@/lib/observations/decode-rows";
import type { SeriesPoint } from "@/lib/observations/series-point";
import type { IndicatorStatus } from "@/lib/progress/indicator-status";
import { WhyPanel } from "./why-panel";

interface CardProps {
  indicator: Indicator;
  series: readonly SeriesPoint[];
  status: IndicatorStatus;
}

export function IndicatorCard({ indicator, series, status }: CardProps) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const option = useMemo(
    () => sparklineOption(series, indicator.target?.value ?? null),
    [series, indicator],
  );
  const format = (v: number | null) =>
    formatValue(v, indicator.unit, language, t("indicator.missing"));
  const latest = status.latest;
  const summary = latest
    ? t("indicator.chartSummary", {
        title: local(indicator.title),
        count: series.length,
        first: formatPeriod(series[0]?.period ?? "", language),
        last: formatPeriod(series.at(-1)?.period ?? "", language),
        latest: format(latest.value),
        lastPeriod: formatPeriod(latest.period, language),
      })
    : t("indicator.noData");

  return (
    <article className="card" data-indicator={indicator.id}>
      <header className="card__header">
        <h3 className="card__title">
          <Link to={`/${language}/indicators/${indicator.id}`}>{local(indicator.title)}</Link>
        </h3>
        {isIllustrative(series) && <IllustrativeBadge />}
      </header>
      <StatusBadge status={status.result.status} />
      <dl className="card__figures">
        <div>
          <dt>{t("overview.latest")}</dt>
          <dd>
            <span className="card__value">{format(latest?.value ?? null)}</span>
            {latest && (
              <span className="card__period"> · {formatPeriod(latest.period, language)}</span>
            )}
            {latest && <StaleFlag period={latest.period} periodicity={indicator.periodicity} />}
          </dd>
        </div>
        <div>
          <dt>{t("overview.target")}</dt>
          <dd>
            {indicator.target
              ? `${format(indicator.target.value)} (${indicator.target.year})`
              : t("overview.noTarget")}
          </dd>
        </div>
      </dl>
      {series.length > 0 && (
        <EChart option={option} summary={summary} height={64} className="card__sparkline" />
      )}
      <SourceLine indicatorId={indicator.id} points={series} />
      <WhyPanel indicator={indicator} status={status} />
    </article>
  );
}
