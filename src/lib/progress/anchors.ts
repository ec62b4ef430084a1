import { parsePeriod, toFractionalYear } from "../observations/period";
import type { Anchor, InsufficientReason, ProgressInput } from "./progress-input";

const partsPerYear = { annual: 1, quarterly: 4, monthly: 12 } as const;

/** How old the last value may be before the series is stale, in years. */
export const staleAfterYears = { annual: 5, quarterly: 3, monthly: 3 } as const;

function indexOf(period: string): number | null {
  const parsed = parsePeriod(period);
  if (!parsed.ok) return null;
  const parts = partsPerYear[parsed.period.periodicity];
  return parsed.period.year * parts + ((parsed.period.part ?? 1) - 1);
}

/**
 * A full year of values starting (baseline) or ending (current) at a period, averaged: comparing
 * such windows keeps seasonality from reading as progress. Annual series use single years.
 */
function window(
  byIndex: Map<number, { period: string; value: number }>,
  start: number,
  size: number,
): Anchor | null {
  const members: { period: string; value: number }[] = [];
  for (let i = start; i < start + size; i++) {
    const member = byIndex.get(i);
    if (!member) return null;
    members.push(member);
  }
  const first = members[0];
  const last = members.at(-1);
  if (!first || !last) return null;
  const firstParsed = parsePeriod(first.period);
  if (!firstParsed.ok) return null;
  return {
    time: toFractionalYear(firstParsed.period) + 0.5,
    value: members.reduce((s, m) => s + m.value, 0) / size,
    from: first.period,
    to: last.period,
  };
}

export type Anchors =
  | { ok: true; baseline: Anchor; current: Anchor }
  | { ok: false; reason: InsufficientReason; current: Anchor | null };

/** The baseline and the most recent full-year value, or why there are none. */
export function findAnchors(input: ProgressInput): Anchors {
  const size = partsPerYear[input.periodicity];
  const byIndex = new Map<number, { period: string; value: number }>();
  for (const p of input.points) {
    if (p.value === null) continue;
    const i = indexOf(p.period);
    if (i !== null) byIndex.set(i, { period: p.period, value: p.value });
  }
  const indexes = [...byIndex.keys()].sort((a, b) => b - a);
  let current: Anchor | null = null;
  for (const last of indexes) {
    current = window(byIndex, last - size + 1, size);
    if (current) break;
  }
  if (!input.baselinePeriod) return { ok: false, reason: "no_baseline", current };
  const baselineIndex = indexOf(input.baselinePeriod);
  const baseline = baselineIndex === null ? null : window(byIndex, baselineIndex, size);
  if (!baseline) return { ok: false, reason: "baseline_not_observed", current };
  if (!current || current.time - baseline.time < 1 - 1e-9)
    return { ok: false, reason: "too_few_points", current };
  const age = input.asOf.getUTCFullYear() + input.asOf.getUTCMonth() / 12 - current.time;
  if (age > staleAfterYears[input.periodicity]) return { ok: false, reason: "stale", current };
  return { ok: true, baseline, current };
}
