import type { Indicator } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import type { Observation } from "../observations/columns";
import type { SeriesPoint } from "../observations/series-point";
import { progressMethods } from "./methods";
import {
  type Method,
  methods,
  type ProgressInput,
  type ProgressResult,
  type Status,
} from "./progress-input";

export function progressInput(
  indicator: Indicator,
  points: readonly SeriesPoint[],
  asOf: Date,
): ProgressInput {
  return {
    points,
    periodicity: indicator.periodicity,
    direction: indicator.direction,
    baselinePeriod: indicator.baseline?.period ?? null,
    target: indicator.target,
    limits: {
      ...(indicator.limits.min === undefined ? {} : { min: indicator.limits.min }),
      ...(indicator.limits.max === undefined ? {} : { max: indicator.limits.max }),
    },
    milestone: indicator.unit === "milestone",
    asOf,
  };
}

/** Which band a status falls in, to tell whether two methods really disagree. */
const bandOf = (s: Status) =>
  s === "target_met" || s === "on_track" || s === "trend_improving"
    ? "good"
    : s === "acceleration_needed" || s === "trend_slow"
      ? "middle"
      : s === "limited" || s === "moving_away" || s === "trend_flat" || s === "trend_worsening"
        ? "bad"
        : s;

export interface IndicatorStatus {
  indicatorId: string;
  result: ProgressResult;
  /** The same series under every method, for the "why" panel. */
  all: Record<Method, ProgressResult>;
  /** Methods that both give a status but put it in different bands. */
  disagree: boolean;
  hasData: boolean;
  latest: SeriesPoint | null;
}

export function indicatorStatus(
  indicator: Indicator,
  points: readonly SeriesPoint[],
  method: Method,
  asOf: Date,
): IndicatorStatus {
  const input = progressInput(indicator, points, asOf);
  const all = Object.fromEntries(methods.map((m) => [m, progressMethods[m](input)])) as Record<
    Method,
    ProgressResult
  >;
  const graded = methods
    .map((m) => all[m].status)
    .filter((s) => s !== "insufficient_data" && s !== "context");
  const observed = points.filter((p) => p.value !== null);
  return {
    indicatorId: indicator.id,
    result: all[method],
    all,
    disagree: new Set(graded.map(bandOf)).size > 1,
    hasData: observed.length > 0,
    latest: observed.at(-1) ?? null,
  };
}

export interface RollUp {
  status: Status;
  score: number | null;
  total: number;
  withData: number;
  /** Indicators with a score (context counts never have one). */
  scored: number;
  /** Indicators that could have a score: every one but the context counts. */
  judgeable: number;
  /** Whether enough indicators have a score for the roll-up to get a colour (`enoughCoverage`). */
  enough: boolean;
}

/**
 * A roll-up gets a colour only when at least half of the indicators that could be judged (all
 * but context counts) have a score. Fewer describe those few measures, not the whole: 6 scored
 * indicators out of 34 must not paint a theme "on track".
 */
export function enoughCoverage(scored: number, judgeable: number): boolean {
  return scored > 0 && scored * 2 >= judgeable;
}

/** Open SDG's aggregate: the mean of the per-series scores, banded like a single score. */
export function rollUp(items: readonly IndicatorStatus[]): RollUp {
  const scores = items.map((i) => i.result.score).filter((s): s is number => s !== null);
  const mean = scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
  const judgeable = items.filter((i) => i.result.status !== "context").length;
  const enough = enoughCoverage(scores.length, judgeable);
  const status: Status =
    mean === null
      ? "insufficient_data"
      : !enough
        ? "not_enough_data"
        : mean >= 2.5
          ? "on_track"
          : mean >= 0
            ? "acceleration_needed"
            : mean >= -2.5
              ? "limited"
              : "moving_away";
  return {
    status,
    score: mean === null ? null : Number(mean.toFixed(2)),
    total: items.length,
    withData: items.filter((i) => i.hasData).length,
    scored: scores.length,
    judgeable,
    enough,
  };
}

/** The headline series of an indicator from plain observations (totals, or the catalog's headline codes). */
export function headlineSeries(
  indicator: Indicator,
  observations: readonly Observation[],
): SeriesPoint[] {
  return observations
    .filter(
      (o) =>
        o.indicator_id === indicator.id &&
        dimensionNames.every((d) => (o.dimensions[d] ?? undefined) === indicator.headline[d]),
    )
    .map((o) => ({
      period: o.period,
      time: o.time,
      value: o.value,
      obs_status: o.obs_status,
      source: o.source,
      note: o.note,
    }))
    .sort((a, b) => a.time - b.time);
}
