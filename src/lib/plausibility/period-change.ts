import type { Row } from "../db/engine";
import type { Finding } from "../intake/findings";
import type { SqlQuery } from "../observations/series-sql";
import { madToSd, sortedDeviationsSql, sortedMedianSql } from "./robust-sql";
import { seasonalMergedCte } from "./series-rows-sql";

/** Fewer other years with the same step (Q1 → Q2, say) than this, and nothing is judged. */
export const minimumSteps = 4;
/**
 * Never flag less than a doubling or a halving, however regular the series: a quarter's step is
 * noisier than a year's, and real series (remittances by department) move by half again often.
 */
const floorRatio = 2;
const robustK = 4;

/**
 * `unusual_period_change`: a quarterly (or monthly) value of the file whose change against the
 * period just before lies far outside the same step's changes in the other years of its series:
 * more than 4 robust standard deviations (1.4826 × MAD) from their median, and never less than a
 * doubling or halving, on ln((value + 1) / (previous + 1)) as the year-on-year check measures it.
 *
 * Season-aware: Q1 → Q2 is compared only with other years' Q1 → Q2, so a second quarter that
 * always rises does not read as a jump. Conservative: with fewer than 4 other years of the same
 * step nothing is judged (no fallback: the year-on-year check already has one).
 */
export function buildPeriodChangeSql(): SqlQuery {
  const sql = `WITH ${seasonalMergedCte()}, changes AS MATERIALIZED (
  SELECT m.row, m.series, m.indicator_id, m.kind, m.part, m.period, m.value, m.from_file,
    m.previous_period, p.value AS previous, ln((m.value + 1) / (p.value + 1)) AS change
  FROM merged m JOIN merged p ON p.series = m.series AND p.period_id = m.previous_id
), bounds AS (
  SELECT series, kind, part, min(change) AS lowest, max(change) AS highest FROM changes GROUP BY ALL
), candidates AS (
  SELECT c.* FROM changes c JOIN bounds b USING (series, kind, part)
  -- Within a doubling or halving of every same step, a change cannot pass the floor below.
  WHERE c.from_file AND (c.change - b.lowest > ln(${floorRatio}::DOUBLE) OR b.highest - c.change > ln(${floorRatio}::DOUBLE))
), same_steps AS (
  -- One list per step of a series, and only for the steps a candidate needs: the lists are the
  -- costly part, and most files have no candidate at all.
  SELECT series, kind, part, list({'p': period, 'c': change}) AS steps
  FROM changes WHERE series IN (SELECT series FROM candidates)
  GROUP BY ALL
), steps AS (
  SELECT k.row, k.indicator_id, k.period, k.value, k.previous, k.previous_period, k.change,
    list_sort(list_transform(list_filter(s.steps, lambda o: o.p <> k.period), lambda o: o.c)) AS sorted
  FROM candidates k JOIN same_steps s USING (series, kind, part)
), counted AS (
  SELECT *, len(sorted) AS n FROM steps WHERE len(sorted) >= ${minimumSteps}
), centred AS (
  SELECT *, ${sortedMedianSql("sorted")} AS centre FROM counted
), scaled AS (
  SELECT *, ${sortedMedianSql("deviations")} AS mad FROM (SELECT *, ${sortedDeviationsSql("sorted", "centre")} AS deviations FROM centred)
)
SELECT row, indicator_id, period, value, previous, previous_period, centre, n FROM scaled
WHERE abs(change - centre) > greatest(${robustK}::DOUBLE * ${madToSd}::DOUBLE * mad, ln(${floorRatio}::DOUBLE))
ORDER BY row NULLS LAST, indicator_id, period`;
  return { sql, params: [] };
}

/** Rows of `buildPeriodChangeSql` as the findings the officer reads. */
export function periodChangeFindings(rows: readonly Row[], file: string): Finding[] {
  return rows.map((r) => {
    const value = Number(r.value);
    const previous = Number(r.previous);
    return {
      severity: "warning",
      code: "unusual_period_change",
      file,
      ...(typeof r.row === "number" ? { row: r.row } : {}),
      column: "value",
      value: String(value),
      detail: {
        value,
        period: String(r.period),
        previous,
        previousPeriod: String(r.previous_period),
        percent: Math.round((value / (previous || 1) - 1) * 100),
        typical: Math.round((Math.exp(Number(r.centre)) - 1) * 100),
        count: Number(r.n),
      },
    };
  });
}
