/**
 * Robust statistics written as list expressions, so the middle of an even count is the mean of
 * the two middle values computed exactly as the JavaScript checks compute it ((a + b) / 2), not
 * by DuckDB's interpolation, which can differ in the last bit.
 */

/** The median of a list column already sorted ascending (`list_sort`); NULL when empty. */
export function sortedMedianSql(sorted: string): string {
  return `CASE WHEN len(${sorted}) = 0 THEN NULL WHEN len(${sorted}) % 2 = 1 THEN ${sorted}[len(${sorted}) // 2 + 1] ELSE (${sorted}[len(${sorted}) // 2] + ${sorted}[len(${sorted}) // 2 + 1]) / 2 END`;
}

/** The absolute deviations of a list from a centre, sorted, for the median absolute deviation. */
export function sortedDeviationsSql(values: string, centre: string): string {
  return `list_sort(list_transform(${values}, lambda x: abs(x - ${centre})))`;
}

/** ln(value + 1): counts are skewed and may be zero, so changes and spreads are read as ratios. */
export function logSql(value: string): string {
  return `CASE WHEN ${value} > -1 THEN ln(${value} + 1) END`;
}

/** Scale from the median absolute deviation to a standard deviation under normality. */
export const madToSd = 1.4826;
