import type { Direction, Periodicity, Target } from "../catalog/schema";
import type { SeriesPoint } from "../observations/series-point";

/** Everything a progress method looks at, and nothing else. */
export interface ProgressInput {
  points: readonly SeriesPoint[];
  periodicity: Periodicity;
  direction: Direction;
  baselinePeriod: string | null;
  target: Target | null;
  limits: { min?: number; max?: number };
  /** Milestone indicators are read on their own scale (0 not started, 1 in progress, 2 adopted). */
  milestone: boolean;
  /** The day the status is computed for: a series whose last value is too old is stale. */
  asOf: Date;
}

/** A value for the progress maths: a single year, or the mean of a full year of quarters or months. */
export interface Anchor {
  /** Centre of the period(s) in fractional years. */
  time: number;
  value: number;
  /** First and last period the value covers. */
  from: string;
  to: string;
}

/**
 * `trend_*`: an indicator without a target shows its direction of travel, never "on track"
 * toward a goal it does not have. `not_enough_data` is for roll-ups only: too few of their
 * indicators have a status for a colour to speak for the whole.
 */
export const statuses = [
  "target_met",
  "on_track",
  "acceleration_needed",
  "limited",
  "moving_away",
  "trend_improving",
  "trend_slow",
  "trend_flat",
  "trend_worsening",
  "insufficient_data",
  "not_enough_data",
  "context",
  "milestone_adopted",
  "milestone_in_progress",
  "milestone_not_started",
] as const;
export type Status = (typeof statuses)[number];

export type InsufficientReason =
  | "no_baseline"
  | "baseline_not_observed"
  | "too_few_points"
  | "stale"
  | "no_target";

export const methods = ["statcan", "unsd", "escap"] as const;
export type Method = (typeof methods)[number];

/** A status with what produced it, so every colour on screen can be traced. */
export interface ProgressResult {
  method: Method;
  status: Status;
  /** −5 (deterioration) … +5 (on track), as Open SDG; null when no score is earned. */
  score: number | null;
  baseline: Anchor | null;
  current: Anchor | null;
  /** The method's own measure: growth ratio, projected share, or status index. */
  measure: { name: string; value: number } | null;
  /** The arithmetic, with the numbers filled in. */
  formula: string;
  reason?: InsufficientReason;
}
