import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { codeLabel } from "@/lib/catalog/bundled-catalog";
import type { DimensionName, Indicator } from "@/lib/catalog/schema";
import type { ChartOption } from "@/lib/echarts";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { SeriesPoint } from "@/lib/observations/series-point";
import type { IndicatorStatus } from "@/lib/progress/indicator-status";
import { projectionPoints } from "@/lib/progress/projection";
import { trendChartOption } from "./trend-chart-option";

/*
 * An indicator's trend as the indicator page draws it. Shared so that every view of one indicator
 * (its page, the embed another site frames) names, formats and draws the same figures the same way.
 */

/** A value in the indicator's unit, in the interface language; a gap reads "sin dato". */
export function useValueFormat(indicator: Indicator): (value: number | null) => string {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return useCallback(
    (v: number | null) => formatValue(v, indicator.unit, language, t("indicator.missing")),
    [indicator.unit, language, t],
  );
}

/** The headline series' name: its catalog selection in words ("Total" when it is the total). */
export function useHeadlineName(indicator: Indicator): string {
  const { t } = useTranslation();
  const { local } = useLanguage();
  return (
    Object.entries(indicator.headline)
      .map(([dim, code]) =>
        local(codeLabel(dim as DimensionName, code ?? "") ?? { es: code ?? "", en: code ?? "" }),
      )
      .join(" · ") || t("indicator.total")
  );
}

/**
 * The trend chart's option (baseline, target, thresholds, projection to the target year) and the
 * sentence read in place of the drawing. The first series is the headline.
 */
export function useTrendChart(
  indicator: Indicator,
  series: { name: string; points: readonly SeriesPoint[] }[],
  status: IndicatorStatus,
  format: (value: number | null) => string,
): { option: ChartOption; summary: string } {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const option = useMemo(
    () =>
      trendChartOption({
        series,
        periodLabel: (p) => formatPeriod(p, language),
        valueLabel: (v) => format(v),
        yAxisName: t(`units.${indicator.unit}`),
        baseline: indicator.baseline
          ? {
              period: indicator.baseline.period,
              label: `${t("indicator.baseline")} ${formatPeriod(indicator.baseline.period, language)}`,
            }
          : null,
        target: indicator.target
          ? {
              value: indicator.target.value,
              label: `${t("indicator.target")} ${indicator.target.year}: ${format(indicator.target.value)}`,
            }
          : null,
        thresholds: indicator.thresholds.map((th) => ({ value: th.value, label: local(th.label) })),
        projection: projectionPoints(indicator, status.all.statcan),
        projectionLabel: indicator.target
          ? t("progress.projection", { year: indicator.target.year })
          : "",
        ...(indicator.limits.max === undefined ? {} : { max: indicator.limits.max }),
      }),
    [series, indicator, language, t, format, local, status],
  );
  const points = series[0]?.points ?? [];
  const summary =
    points.length > 0
      ? `${t("indicator.chartSummary", {
          title: local(indicator.title),
          count: points.length,
          first: formatPeriod(points[0]?.period ?? "", language),
          last: formatPeriod(points.at(-1)?.period ?? "", language),
          latest: format(status.latest?.value ?? null),
          lastPeriod: formatPeriod(status.latest?.period ?? "", language),
        })}${indicator.target ? ` ${t("indicator.chartTargetSummary", { target: format(indicator.target.value), year: indicator.target.year })}` : ""}`
      : t("indicator.noData");
  return { option, summary };
}
