import { findAnchors } from "./anchors";
import type { Anchor, Method, ProgressInput, ProgressResult, Status } from "./progress-input";
import { meetsTarget } from "./target";

const round = (x: number, digits = 4) => Number(x.toFixed(digits));
const pct = (x: number) => `${round(x * 100, 2)} %`;

/** Direction of desired progress: +1 up, −1 down. */
const sign = (input: ProgressInput) => (input.direction === "lower_is_better" ? -1 : 1);

function cagr(from: Anchor, to: { time: number; value: number }): number {
  return (to.value / from.value) ** (1 / (to.time - from.time)) - 1;
}

/** Piecewise-linear map of a measure onto −5…+5, one quarter of the range per category. */
function scoreFrom(x: number, cuts: readonly [number, number, number]): number {
  const [low, mid, high] = cuts;
  if (x < low) return Math.max(-5, -2.5 + (2.5 * (x - low)) / Math.max(mid - low, 1e-9));
  if (x < mid) return -2.5 + (2.5 * (x - low)) / (mid - low);
  if (x < high) return (2.5 * (x - mid)) / (high - mid);
  return Math.min(5, 2.5 + (2.5 * (x - high)) / Math.max(high - mid, 1e-9));
}

/** Without a target there is no "on track": only whether the series moves the desired way. */
function trend(x: number, cuts: readonly [number, number, number]): Status {
  const [low, mid, high] = cuts;
  if (x >= high) return "trend_improving";
  if (x >= mid) return "trend_slow";
  if (x >= low) return "trend_flat";
  return "trend_worsening";
}

function band(x: number, cuts: readonly [number, number, number]): Status {
  const [low, mid, high] = cuts;
  if (x >= high) return "on_track";
  if (x >= mid) return "acceleration_needed";
  if (x >= low) return "limited";
  return "moving_away";
}

/**
 * A measure placed on its scale: a status band toward a target, or a trend without one, with the
 * score, the anchors and the arithmetic that produced it.
 */
function graded(
  method: Method,
  scale: "target" | "trend",
  x: number,
  cuts: readonly [number, number, number],
  anchors: { baseline: Anchor; current: Anchor },
  measure: string,
  formula: string,
): ProgressResult {
  return {
    method,
    status: scale === "target" ? band(x, cuts) : trend(x, cuts),
    score: round(scoreFrom(x, cuts), 2),
    baseline: anchors.baseline,
    current: anchors.current,
    measure: { name: measure, value: round(x) },
    formula,
  };
}

/** Target year as the centre of that year, like the anchors' times. */
const targetTime = (input: ProgressInput) => (input.target?.year ?? 0) + 0.5;

function contextOnly(method: Method, input: ProgressInput): ProgressResult | null {
  if (input.milestone) return null;
  if (input.direction === "context") {
    return {
      method,
      status: "context",
      score: null,
      baseline: null,
      current: null,
      measure: null,
      formula: "",
    };
  }
  return null;
}

function milestone(method: Method, input: ProgressInput): ProgressResult | null {
  if (!input.milestone) return null;
  const last = [...input.points].reverse().find((p) => p.value !== null);
  if (!last || last.value === null) {
    return {
      method,
      status: "insufficient_data",
      score: null,
      baseline: null,
      current: null,
      measure: null,
      formula: "",
      reason: "too_few_points",
    };
  }
  const stage = Math.round(last.value);
  const status: Status =
    stage >= 2
      ? "milestone_adopted"
      : stage === 1
        ? "milestone_in_progress"
        : "milestone_not_started";
  // Adopted earns the top score; in progress sits in "acceleration needed"; not started in "limited".
  const score = stage >= 2 ? 5 : stage === 1 ? 1.25 : -1.25;
  const current = { time: last.time + 0.5, value: stage, from: last.period, to: last.period };
  return {
    method,
    status,
    score,
    baseline: null,
    current,
    measure: { name: "stage", value: stage },
    formula: `stage(${last.period}) = ${stage}`,
  };
}

function common(
  method: Method,
  input: ProgressInput,
): ProgressResult | { baseline: Anchor; current: Anchor } {
  const early = milestone(method, input) ?? contextOnly(method, input);
  if (early) return early;
  const anchors = findAnchors(input);
  if (!anchors.ok) {
    return {
      method,
      status: "insufficient_data",
      score: null,
      baseline: null,
      current: anchors.current,
      measure: null,
      formula: "",
      reason: anchors.reason,
    };
  }
  const { baseline, current } = anchors;
  if (input.target && meetsTarget(current.value, input.target)) {
    return {
      method,
      status: "target_met",
      score: 5,
      baseline,
      current,
      measure: null,
      formula: `${round(current.value)} ${input.target.comparison} ${input.target.value}`,
    };
  }
  return anchors;
}

/** The Statistics Canada scaling factor for a maximum limit: thresholds shrink as the baseline nears it. */
export function limitFactor(input: ProgressInput, baseline: number): number {
  const max = input.limits.max;
  if (input.direction !== "higher_is_better" || max === undefined || max <= 0) return 1;
  return Math.min(1, Math.max(0, (max - baseline) / max));
}

/**
 * Statistics Canada / Open SDG: with a target, the ratio of observed to required compound annual
 * growth (bands 0.95 / 0.60 / 0); without one, the direction-adjusted growth against 1.5 % and
 * 0.5 % a year, scaled near a natural maximum.
 */
export function statcanProgress(input: ProgressInput): ProgressResult {
  const base = common("statcan", input);
  if ("method" in base) return base;
  const { baseline, current } = base;
  const observed = cagr(baseline, current);
  if (input.target && input.target.value === 0)
    return statcanLinear(input, baseline, current, input.target);
  if (input.target) {
    const required = cagr(baseline, { time: targetTime(input), value: input.target.value });
    const ratio = required === 0 ? 0 : (sign(input) * observed) / Math.abs(required);
    return graded(
      "statcan",
      "target",
      ratio,
      [0, 0.6, 0.95],
      base,
      "ratio",
      `CAGR = (${round(current.value)} / ${round(baseline.value)})^(1/${round(current.time - baseline.time, 2)}) − 1 = ${pct(observed)}; required = (${input.target.value} / ${round(baseline.value)})^(1/${round(targetTime(input) - baseline.time, 2)}) − 1 = ${pct(required)}; R = ${sign(input) > 0 ? "" : "−"}${pct(observed)} / |${pct(required)}| = ${round(ratio, 3)}`,
    );
  }
  const c = limitFactor(input, baseline.value);
  const growth = sign(input) * observed;
  return graded(
    "statcan",
    "trend",
    growth,
    [0, 0.005 * c, 0.015 * c],
    base,
    "growth",
    `CAGR = (${round(current.value)} / ${round(baseline.value)})^(1/${round(current.time - baseline.time, 2)}) − 1 = ${pct(observed)}; d × CAGR = ${pct(growth)} vs 1.5 %·C and 0.5 %·C, C = ${round(c, 3)}`,
  );
}

/**
 * Our adaptation of the Statistics Canada ratio for a target of zero (no children in detention,
 * no recruitment fees): compound growth can never reach zero (it would need −100 % a year, so
 * every fall would read "limited"), so the observed and required changes are compared per year,
 * linearly. Same bands.
 */
function statcanLinear(
  input: ProgressInput,
  baseline: Anchor,
  current: Anchor,
  target: NonNullable<ProgressInput["target"]>,
): ProgressResult {
  const observed = (current.value - baseline.value) / (current.time - baseline.time);
  const required = (target.value - baseline.value) / (targetTime(input) - baseline.time);
  const ratio = required === 0 ? 0 : observed / required;
  return graded(
    "statcan",
    "target",
    ratio,
    [0, 0.6, 0.95],
    { baseline, current },
    "ratio",
    `target 0 (linear change per year): observed = (${round(current.value)} − ${round(baseline.value)}) / ${round(current.time - baseline.time, 2)} = ${round(observed, 3)}; required = (0 − ${round(baseline.value)}) / ${round(targetTime(input) - baseline.time, 2)} = ${round(required, 3)}; R = ${round(ratio, 3)}`,
  );
}

/**
 * UN Statistics Division progress chart (our reading): the current trend projected to the target
 * year, as a share of the way from the baseline to the target (1 or more on track, 0.5
 * acceleration needed, 0 limited, below 0 moving away). Without a target: trend only.
 */
export function unsdProgress(input: ProgressInput): ProgressResult {
  const base = common("unsd", input);
  if ("method" in base) return base;
  const { baseline, current } = base;
  const observed = cagr(baseline, current);
  if (!input.target) {
    const growth = sign(input) * observed;
    return graded(
      "unsd",
      "trend",
      growth,
      [0, 0.005, 0.01],
      base,
      "growth",
      `trend d × CAGR = ${pct(growth)} vs 1 % and 0.5 %`,
    );
  }
  const projected = current.value * (1 + observed) ** (targetTime(input) - current.time);
  const share = (projected - baseline.value) / (input.target.value - baseline.value);
  return graded(
    "unsd",
    "target",
    share,
    [0, 0.5, 1],
    base,
    "projected_share",
    `projected ${input.target.year} = ${round(current.value)} × (1 + ${pct(observed)})^${round(targetTime(input) - current.time, 2)} = ${round(projected)}; share = (${round(projected)} − ${round(baseline.value)}) / (${input.target.value} − ${round(baseline.value)}) = ${round(share, 3)}`,
  );
}

/**
 * UN ESCAP current status index: the share of the distance from baseline to target already
 * covered, against the share of the time elapsed (at least the elapsed share on track, 60 % of it
 * acceleration needed, above 0 limited). It needs a target: without one, no status is given.
 */
export function escapProgress(input: ProgressInput): ProgressResult {
  const base = common("escap", input);
  if ("method" in base) return base;
  const { baseline, current } = base;
  if (!input.target) {
    return {
      method: "escap",
      status: "insufficient_data",
      score: null,
      baseline,
      current,
      measure: null,
      formula: "",
      reason: "no_target",
    };
  }
  const index = (current.value - baseline.value) / (input.target.value - baseline.value);
  const elapsed = (current.time - baseline.time) / (targetTime(input) - baseline.time);
  const relative = elapsed > 0 ? index / elapsed : 0;
  const cuts = [0, 0.6, 1] as const;
  return {
    method: "escap",
    status: band(relative, cuts),
    score: round(scoreFrom(relative, cuts), 2),
    baseline,
    current,
    measure: { name: "status_index", value: round(index) },
    formula: `CSI = (${round(current.value)} − ${round(baseline.value)}) / (${input.target.value} − ${round(baseline.value)}) = ${round(index, 3)}; elapsed = ${round(current.time - baseline.time, 2)} / ${round(targetTime(input) - baseline.time, 2)} = ${round(elapsed, 3)}; CSI / elapsed = ${round(relative, 3)}`,
  };
}

export const progressMethods: Record<Method, (input: ProgressInput) => ProgressResult> = {
  statcan: statcanProgress,
  unsd: unsdProgress,
  escap: escapProgress,
};
