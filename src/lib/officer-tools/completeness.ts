import { dimensionNames } from "../catalog/schema";
import type { SqlQuery } from "../observations/series-sql";

export type Completeness = "reported" | "partial" | "missing" | "late";

/** Days after a quarter ends by which its figures are due: our working assumption, stated on screen. */
export const reportingDelayDays = 45;

/** For each indicator and quarter: how many rows, and whether the total has a value. */
export function buildCompletenessSql(
  indicatorIds: readonly string[],
  periods: readonly string[],
): SqlQuery {
  const totals = dimensionNames.map((d) => `${d} IS NULL`).join(" AND ");
  return {
    sql: `SELECT indicator_id, period, count(*) AS rows, count(*) FILTER (WHERE ${totals} AND value IS NOT NULL) AS totals FROM observations WHERE indicator_id IN (${indicatorIds.map(() => "?").join(", ")}) AND period IN (${periods.map(() => "?").join(", ")}) GROUP BY indicator_id, period`,
    params: [...indicatorIds, ...periods],
  };
}

function quarterEnd(period: string): Date {
  const [year, q] = period.split("-Q").map(Number);
  return new Date(Date.UTC(year ?? 1970, (q ?? 1) * 3, 1));
}

/**
 * Reported: the total has a value. Partial: some rows but no total value. Missing: nothing yet,
 * still within the reporting delay. Late: nothing, and the delay has passed.
 */
export function completeness(
  rows: number,
  totals: number,
  period: string,
  today: Date,
): Completeness {
  if (totals > 0) return "reported";
  if (rows > 0) return "partial";
  const due = quarterEnd(period).getTime() + reportingDelayDays * 86_400_000;
  return today.getTime() > due ? "late" : "missing";
}
