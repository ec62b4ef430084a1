import type { Indicator } from "@/lib/catalog/schema";
import type { SeriesPoint } from "@/lib/observations/series-point";
import type { ProgressResult } from "@/lib/progress/progress-input";

/**
 * The current trend carried to the target year (compound growth from the baseline year to the
 * latest full year), for the dashed projection line. Nothing without a target or without anchors.
 */
export function projectionPoints(indicator: Indicator, result: ProgressResult): SeriesPoint[] {
  const { baseline, current } = result;
  if (
    !indicator.target ||
    !baseline ||
    !current ||
    current.time <= baseline.time ||
    baseline.value <= 0
  )
    return [];
  const growth = (current.value / baseline.value) ** (1 / (current.time - baseline.time)) - 1;
  const targetTime = indicator.target.year + 0.5;
  const projected = current.value * (1 + growth) ** (targetTime - current.time);
  const period = (time: number) =>
    indicator.periodicity === "annual"
      ? String(Math.floor(time))
      : `${Math.floor(time)}-Q${Math.floor((time % 1) * 4) + 1}`;
  return [
    { period: current.to, time: current.time, value: current.value },
    { period: period(targetTime), time: targetTime, value: Number(projected.toFixed(4)) },
  ];
}
