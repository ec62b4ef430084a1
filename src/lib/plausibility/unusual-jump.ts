import type { Row } from "../db/engine";
import type { Finding } from "../intake/findings";
import type { SqlQuery } from "../observations/series-sql";
import { ratioBounds } from "./log-boundaries";
import { preparedSeries } from "./prepared-series";
import { madToSd, sortedDeviationsSql, sortedMedianSql } from "./robust-sql";

/** Below this many other year-on-year changes a series has no spread of its own to judge by. */
export const minimumHistory = 4;
/** Without history: more than three-fold up or down is unusual. */
const fallbackRatio = 3;
/** Never flag a change smaller than half again, however regular the series. */
const floorRatio = 1.5;
const robustK = 4;

const threshold = `${robustK}::DOUBLE * ${madToSd}::DOUBLE * mad`;
// Where the JavaScript check compares a logarithm with ln 3 or ln 1.5 alone, the ratio decides.
const fallback = ratioBounds(fallbackRatio);
const floor = ratioBounds(floorRatio);
/** Far wider than the last bit in which DuckDB's and JavaScript's logarithms differ. */
const candidateMargin = 1e-9;

const change = (current: string, previous: string) =>
  `CASE WHEN ${current} > -1 AND ${previous} > -1 THEN ln((${current} + 1) / (${previous} + 1)) END`;

/**
 * `unusual_jump`, as `unusualJumps` in `src/lib/intake/series-checks.ts` decides it: a value of
 * the file whose change against the same period a year earlier is far outside its series' own
 * year-on-year changes (median ± 4 robust standard deviations, 1.4826 × MAD, never under a change
 * of half again); with fewer than 4 other changes, more than three-fold. Comparing the same
 * quarter keeps seasonality from raising alarms. The series is the accepted data with the file's
 * values laid over them value by value, and its spread counts every change in it, this one too.
 */
export function buildUnusualJumpSql(): SqlQuery {
  const { file, accepted } = preparedSeries;
  // Bounds first, lists after (as in seasonal-outlier.ts): the median of a series' changes lies
  // between its lowest and highest change, so a change within the floor of both cannot pass the
  // floor below, and only the series of the other changes get their changes as a sorted list.
  // The margin keeps the floor's last bit (log-boundaries.ts) from dropping a candidate.
  const sql = `WITH accepted AS (
  SELECT series, period_id, any_value(value) AS value, any_value(last_year_id) AS last_year_id FROM ${accepted}
  WHERE value IS NOT NULL GROUP BY series, period_id
), series AS MATERIALIZED (
  SELECT series, period_id, value, last_year_id FROM accepted a
  WHERE NOT EXISTS (SELECT 1 FROM ${file} i WHERE i.value IS NOT NULL AND i.series = a.series AND i.period_id = a.period_id)
  UNION ALL
  SELECT series, period_id, coalesce(arg_max(value, row), any_value(value)) AS value, any_value(last_year_id)
  FROM ${file} WHERE value IS NOT NULL GROUP BY series, period_id
), changes AS MATERIALIZED (
  SELECT s.series, ${change("s.value", "p.value")} AS change
  FROM series s JOIN series p ON p.series = s.series AND p.period_id = s.last_year_id
), bounds AS (
  SELECT series, count(*) AS n, min(change) AS lowest, max(change) AS highest FROM changes WHERE change IS NOT NULL GROUP BY series
), paired AS (
  SELECT i.row, i.series, i.indicator_id, i.period, i.value, p.value AS previous, i.last_year AS previous_period, ${change("i.value", "p.value")} AS change, (i.value + 1) / (p.value + 1) AS ratio, b.n, b.lowest, b.highest
  FROM ${file} i
  JOIN series p ON p.series = i.series AND p.period_id = i.last_year_id
  JOIN bounds b ON b.series = i.series
  WHERE i.value IS NOT NULL
), candidates AS (
  SELECT * FROM paired WHERE n - 1 < ${minimumHistory} OR change - lowest > ? OR highest - change > ?
), spread AS (
  SELECT series, list_sort(list(change)) AS sorted FROM changes
  WHERE change IS NOT NULL AND series IN (SELECT series FROM candidates) GROUP BY series
), centre AS (
  SELECT *, ${sortedMedianSql("sorted")} AS median FROM spread
), scale AS (
  SELECT series, median, ${sortedMedianSql("deviations")} AS mad FROM (SELECT *, ${sortedDeviationsSql("sorted", "median")} AS deviations FROM centre)
), judged AS (
  SELECT c.*, s.median, s.mad FROM candidates c JOIN scale s USING (series)
)
SELECT row, indicator_id, period, value, previous, previous_period FROM judged
WHERE change IS NOT NULL AND CASE
  WHEN n - 1 < ${minimumHistory} THEN ratio >= ? OR ratio <= ?
  WHEN median = 0 AND ${threshold} <= ? THEN ratio >= ? OR ratio <= ?
  ELSE abs(change - median) > greatest(${threshold}, ?) END
ORDER BY row NULLS LAST, indicator_id, period`;
  const floorLog = Math.log(floorRatio);
  const candidateFloor = floorLog - candidateMargin;
  return {
    sql,
    params: [
      candidateFloor,
      candidateFloor,
      fallback.above,
      fallback.below,
      floorLog,
      floor.above,
      floor.below,
      floorLog,
    ],
  };
}

/** Rows of `buildUnusualJumpSql` as the findings the officer reads. */
export function unusualJumpFindings(rows: readonly Row[], file: string): Finding[] {
  return rows.map((r) => {
    const value = Number(r.value);
    const previous = Number(r.previous);
    return {
      severity: "warning",
      code: "unusual_jump",
      file,
      ...(typeof r.row === "number" ? { row: r.row } : {}),
      column: "value",
      value: String(value),
      detail: {
        previous,
        previousPeriod: String(r.previous_period ?? ""),
        percent: Math.round((value / (previous || 1) - 1) * 100),
      },
    };
  });
}
