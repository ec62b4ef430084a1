import type { Periodicity } from "../catalog/schema";
import { parsePeriod, toFractionalYear } from "../observations/period";
import { staleAfterYears } from "./anchors";

const lengthInYears = { annual: 1, quarterly: 0.25, monthly: 1 / 12 } as const;

/**
 * Whether a figure is too old to describe today: the time from the end of its period to `asOf`
 * is longer than the series' staleness limit (the same limit the progress status uses).
 */
export function isStale(period: string, periodicity: Periodicity, asOf: Date): boolean {
  const parsed = parsePeriod(period);
  if (!parsed.ok) return false;
  const end = toFractionalYear(parsed.period) + lengthInYears[parsed.period.periodicity];
  const now = asOf.getUTCFullYear() + asOf.getUTCMonth() / 12 + (asOf.getUTCDate() - 1) / 365;
  return now - end > staleAfterYears[periodicity];
}
