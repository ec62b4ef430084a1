import type { Indicator, Target } from "../catalog/schema";
import type { SeriesPoint } from "./series-point";

export type SimpleStatus =
  | "target_met"
  | "improving"
  | "worsening"
  | "no_change"
  | "context"
  | "insufficient_data";

export interface StatusResult {
  status: SimpleStatus;
  latest: SeriesPoint | null;
  baselineValue: number | null;
  /** Mean of the last four observed periods (a year of quarters), which cancels seasonality. */
  recentMean: number | null;
  baselineMean: number | null;
}

/** Relative changes smaller than this are read as no change. */
const noChangeBand = 0.01;

export function meetsTarget(value: number, target: Target): boolean {
  switch (target.comparison) {
    case "below":
      return value < target.value;
    case "at_most":
      return value <= target.value;
    case "above":
      return value > target.value;
    case "at_least":
      return value >= target.value;
  }
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const window = 4;

/**
 * A deliberately simple, explainable status: target met, or the direction of change between a
 * four-period window at the baseline and the latest four periods. The published progress methods
 * (Open SDG / UNSD / ESCAP) replace this in the progress module.
 */
export function simpleStatus(indicator: Indicator, series: readonly SeriesPoint[]): StatusResult {
  const observed = series.filter((p): p is SeriesPoint & { value: number } => p.value !== null);
  const latest = observed.at(-1) ?? null;
  const baselineIndex = indicator.baseline
    ? observed.findIndex((p) => p.period === indicator.baseline?.period)
    : -1;
  const baselineValue = baselineIndex >= 0 ? (observed[baselineIndex]?.value ?? null) : null;
  const base = { latest, baselineValue, recentMean: null, baselineMean: null };

  if (indicator.direction === "context")
    return { ...base, status: latest ? "context" : "insufficient_data" };
  if (latest === null || observed.length < 2) return { ...base, status: "insufficient_data" };
  if (indicator.target && meetsTarget(latest.value, indicator.target))
    return { ...base, status: "target_met" };
  if (baselineIndex < 0) return { ...base, status: "insufficient_data" };

  const baselineMean = mean(
    observed.slice(baselineIndex, baselineIndex + window).map((p) => p.value),
  );
  const recentMean = mean(observed.slice(-window).map((p) => p.value));
  const afterBaseline = observed.length - baselineIndex;
  if (baselineMean === null || recentMean === null || afterBaseline < window + 1) {
    return { ...base, baselineMean, recentMean, status: "insufficient_data" };
  }
  const change =
    baselineMean === 0 ? recentMean : (recentMean - baselineMean) / Math.abs(baselineMean);
  const better = indicator.direction === "higher_is_better" ? change > 0 : change < 0;
  const status = Math.abs(change) < noChangeBand ? "no_change" : better ? "improving" : "worsening";
  return { ...base, baselineMean, recentMean, status };
}
