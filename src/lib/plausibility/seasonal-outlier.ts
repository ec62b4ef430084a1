import type { Row } from "../db/engine";
import type { Finding } from "../intake/findings";
import type { SqlQuery } from "../observations/series-sql";
import { sortedDeviationsSql, sortedMedianSql } from "./robust-sql";
import { seasonalMergedCte } from "./series-rows-sql";

/** Fewer other years of the same quarter (or month) than this, and nothing is judged. */
export const minimumSeasonYears = 5;
/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
export const outlierScore = 3.5;
/** 0.6745 is the 0.75 quantile of the standard normal: it makes the MAD comparable to σ. */
const normalQuartile = 0.6745;
/** Never flag a value within a factor of two of its season's median, however regular the series. */
export const outlierFloorRatio = 2;

/**
 * `seasonal_outlier`: a quarterly or monthly value of the file far from the same quarter (or
 * month) of the other years of its series, by the modified z-score of Iglewicz and Hoaglin
 * (1993, "How to Detect and Handle Outliers", ASQC Basic References in Quality Control 16):
 * M = 0.6745 (y − median) / MAD, an outlier when |M| > 3.5, on y = ln(value + 1).
 *
 * Why this and not Tukey's IQR fences: with the five to ten same-quarter values a series has,
 * quartiles rest on one or two points each, while the median and the MAD resist up to half the
 * values being odd (the fences a quarter), so one pandemic quarter in the history does not widen
 * the band. Why the logarithm: counts are skewed and grow by ratios; a steady growth then keeps
 * the newest year near |M| ≈ 1.4, far from 3.5, so a trend is not read as an outlier.
 *
 * Conservative: at least 5 other years of the same quarter, and never a value within a factor of
 * two of their median (a MAD of 0, a perfectly regular season, would otherwise flag any change).
 */
export function buildSeasonalOutlierSql(): SqlQuery {
  // Bounds first, lists after: a value within a factor of two of every value of its season
  // cannot pass the floor below (the season's median lies between its lowest and highest value),
  // so only the other values, usually none, get their season as a list, one list per season.
  const sql = `WITH ${seasonalMergedCte()}, seasonal AS MATERIALIZED (
  SELECT *, ln(value + 1) AS y FROM merged
), bounds AS (
  SELECT series, kind, part, min(y) AS lowest, max(y) AS highest FROM seasonal GROUP BY ALL
), candidates AS (
  SELECT s.* FROM seasonal s JOIN bounds b USING (series, kind, part)
  WHERE s.from_file AND (s.y - b.lowest > ln(${outlierFloorRatio}::DOUBLE) OR b.highest - s.y > ln(${outlierFloorRatio}::DOUBLE))
), seasons AS (
  SELECT series, kind, part, list({'p': period, 'y': y, 'v': value}) AS years
  FROM seasonal WHERE series IN (SELECT series FROM candidates)
  GROUP BY ALL
), others AS (
  SELECT k.row, k.indicator_id, k.period, k.value, k.y, list_filter(s.years, lambda o: o.p <> k.period) AS other
  FROM candidates k JOIN seasons s USING (series, kind, part)
), season AS (
  SELECT row, indicator_id, period, value, y,
    list_sort(list_transform(other, lambda o: o.y)) AS sorted, len(other) AS n,
    list_median(list_transform(other, lambda o: o.v)) AS season_median,
    list_min(list_transform(other, lambda o: o.p)) AS first_period,
    list_max(list_transform(other, lambda o: o.p)) AS last_period
  FROM others WHERE len(other) >= ${minimumSeasonYears}
), centred AS (
  SELECT *, ${sortedMedianSql("sorted")} AS centre FROM season
), scaled AS (
  SELECT *, ${sortedMedianSql("deviations")} AS mad FROM (SELECT *, ${sortedDeviationsSql("sorted", "centre")} AS deviations FROM centred)
)
SELECT row, indicator_id, period, value, season_median, n, first_period, last_period, y - centre AS deviation, mad
FROM scaled
WHERE abs(y - centre) > ln(${outlierFloorRatio}::DOUBLE) AND ${normalQuartile}::DOUBLE * abs(y - centre) > ${outlierScore}::DOUBLE * mad
ORDER BY row NULLS LAST, indicator_id, period`;
  return { sql, params: [] };
}

/** The modified z-score as the message shows it; infinite when every other year is the same. */
function score(deviation: number, mad: number): string {
  if (mad === 0) return deviation > 0 ? "+∞" : "−∞";
  const m = (normalQuartile * deviation) / mad;
  return `${m > 0 ? "+" : "−"}${Math.abs(m).toFixed(1)}`;
}

/** Rows of `buildSeasonalOutlierSql` as the findings the officer reads. */
export function seasonalOutlierFindings(rows: readonly Row[], file: string): Finding[] {
  return rows.map((r) => ({
    severity: "warning",
    code: "seasonal_outlier",
    file,
    ...(typeof r.row === "number" ? { row: r.row } : {}),
    column: "value",
    value: String(Number(r.value)),
    detail: {
      value: Number(r.value),
      period: String(r.period),
      // The mean of two middle values can carry binary noise (37958366.900000006): 12 digits.
      median: Number(Number(r.season_median).toPrecision(12)),
      count: Number(r.n),
      first: String(r.first_period),
      last: String(r.last_period),
      score: score(Number(r.deviation), Number(r.mad)),
      limit: outlierScore,
    },
  }));
}
