import type { Catalog } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import type { Row } from "../db/engine";
import type { Finding } from "../intake/findings";
import type { SqlQuery } from "../observations/series-sql";
import { preparedSeries } from "./prepared-series";

/** Indicators whose breakdowns add up to their total: counts and amounts. */
export function additiveIndicators(catalog: Pick<Catalog, "indicators">): string[] {
  return catalog.indicators
    .filter((i) => i.unit === "count" || i.unit === "currency_usd")
    .map((i) => i.id);
}

/** Breakdowns never checked against their total, as `indicator|dimension` (catalog `overlapping`). */
export function overlappingBreakdowns(catalog: Pick<Catalog, "indicators">): string[] {
  return catalog.indicators.flatMap((i) => i.overlapping.map((d) => `${i.id}|${d}`));
}

const dimensionCount = dimensionNames.map((d) => `(${d} IS NOT NULL)::INTEGER`).join(" + ");
const dimensionOf = `CASE ${dimensionNames.map((d) => `WHEN ${d} IS NOT NULL THEN '${d}'`).join(" ")} END`;
const dimensionOrder = `CASE ${dimensionNames.map((d, i) => `WHEN ${d} IS NOT NULL THEN ${i}`).join(" ")} END`;

/**
 * `subgroup_exceeds_total`, as `subgroupExceedsTotal` in `src/lib/intake/series-checks.ts`
 * decides it: in the file alone, for a count or an amount, the rows broken down by one dimension
 * whose sum exceeds the total row of the same indicator and period. Each dimension is added
 * apart, in the file's row order. Reads the prepared tables (prepared-series.ts): which dimension
 * a row is broken down by is worked out once per series, not once per row.
 */
export function buildSubgroupExceedsTotalSql(
  additive: readonly string[],
  overlapping: readonly string[] = [],
): SqlQuery {
  const { keys, file } = preparedSeries;
  const indicators =
    additive.length === 0 ? "false" : `indicator_id IN (${additive.map(() => "?").join(", ")})`;
  const sql = `WITH keyed AS (
  SELECT series, ${dimensionCount} AS dimensions, ${dimensionOf} AS dimension, ${dimensionOrder} AS dimension_order
  FROM ${keys} WHERE ${indicators}
), rows AS (
  SELECT f.indicator_id, f.period, f.value, f.row, k.dimensions, k.dimension, k.dimension_order
  FROM ${file} f JOIN keyed k USING (series) WHERE f.value IS NOT NULL
), totals AS (
  SELECT indicator_id, period, value AS total, row FROM rows WHERE dimensions = 0
  QUALIFY row_number() OVER (PARTITION BY indicator_id, period ORDER BY row NULLS LAST) = 1
), parts AS (
  SELECT indicator_id, period, dimension, dimension_order, sum(value ORDER BY row) AS sum
  FROM rows WHERE dimensions = 1 GROUP BY ALL
)
SELECT t.row, t.indicator_id, t.period, t.total, p.dimension, p.sum
FROM totals t JOIN parts p USING (indicator_id, period)
WHERE p.sum > t.total + 1e-9 * greatest(1, abs(t.total))${
    overlapping.length === 0
      ? ""
      : ` AND p.indicator_id || '|' || p.dimension NOT IN (${overlapping.map(() => "?").join(", ")})`
  }
ORDER BY t.row NULLS LAST, t.indicator_id, t.period, p.dimension_order`;
  return { sql, params: [...additive, ...overlapping] };
}

/** Rows of `buildSubgroupExceedsTotalSql` as the findings the officer reads. */
export function subgroupExceedsTotalFindings(rows: readonly Row[], file: string): Finding[] {
  return rows.map((r) => {
    const total = Number(r.total);
    const dimension = String(r.dimension);
    return {
      severity: "warning",
      code: "subgroup_exceeds_total",
      file,
      ...(typeof r.row === "number" ? { row: r.row } : {}),
      column: dimension,
      value: String(total),
      detail: {
        dimension,
        sum: Number(r.sum),
        total,
        period: String(r.period),
        indicator: String(r.indicator_id),
      },
    };
  });
}
