import { dimensionNames } from "../catalog/schema";
import type { Engine } from "../db/engine";
import { periodKindSql, periodPartSql, previousPeriodSql, sameTimeLastYearSql } from "./period-sql";
import { type PlausibilityTables, rowsSql } from "./rows-sql";

/**
 * The rows the series checks read, prepared once per file: the file's rows and the accepted rows
 * of the file's indicators, each with `series`, a small integer for its indicator and breakdown
 * codes, and its period's shape (`kind`, `part`, `previous_period`, `last_year`). The checks then
 * join, group and compare on one integer instead of eleven nullable text columns. Each distinct
 * period is read once, in a table of a few dozen rows: reading its text again on each of a million
 * rows cost more than the checks themselves.
 */
export const preparedSeries = {
  /** The file's rows read once, blank breakdowns as NULL, with `h`, the hash of its series. */
  rows: "plausibility_rows",
  /** One row per series: `series`, `h`, `alone` (no other series has its hash), the columns. */
  keys: "plausibility_series",
  /** One row per distinct period: its shape, and integer ids for it, a year before and just before. */
  periods: "plausibility_periods",
  /** The file's rows (`row` is the spreadsheet row). */
  file: "plausibility_file",
  /** The accepted rows of the file's indicators (`row` is NULL). */
  accepted: "plausibility_accepted",
} as const;

const seriesColumns = ["indicator_id", ...dimensionNames];
/** The columns the checks read; the breakdown codes are in `series`, the shape in `periods`. */
const prepared =
  "k.series, r.indicator_id, r.period, r.value, r.row, p.kind, p.part, p.previous_period, p.last_year, p.period_id, p.previous_id, p.last_year_id";

/** Each period read once: its kind, then the rest from the kind (period-sql.ts). */
const annotated = (from: string) =>
  `SELECT *, ${previousPeriodSql("period", "kind", "part")} AS previous_period, ${sameTimeLastYearSql("period", "kind")} AS last_year
  FROM (SELECT *, ${periodPartSql("period", "kind")} AS part FROM (SELECT *, ${periodKindSql("period")} AS kind FROM (${from})))`;

/**
 * Each period numbered, with the numbers of the period a year before and just before (NULL when
 * no row has it), so that the checks join and group periods as integers.
 */
const numbered = (periods: string) =>
  `WITH shaped AS (SELECT *, CAST(row_number() OVER () AS INTEGER) AS period_id FROM (${periods}))
  SELECT s.*, b.period_id AS previous_id, y.period_id AS last_year_id FROM shaped s
  LEFT JOIN shaped b ON b.period = s.previous_period LEFT JOIN shaped y ON y.period = s.last_year`;

/** DuckDB's hash of the series columns: NULL hashes as itself, so a blank matches only a blank. */
export const seriesHashSql = `hash(${seriesColumns.join(", ")})`;

/**
 * A row belongs to the series with its hash: one integer to join on, not eleven nullable text
 * columns (about 8 % off the whole check of a million rows in Node; nothing measurable at
 * 100,000). The columns are still compared where two series share a hash, so a collision can
 * never merge them.
 */
const sameSeries = (r: string, k: string) =>
  `${k}.h = ${r}.h AND (${k}.alone OR (${seriesColumns.map((c) => `${r}.${c} IS NOT DISTINCT FROM ${k}.${c}`).join(" AND ")}))`;

/**
 * The statements that build the five tables, in order. `hashSql` is for tests, which force every
 * series onto one hash to check that the columns then decide.
 */
export function prepareSeriesSql(
  tables: PlausibilityTables,
  hashSql: string = seriesHashSql,
): string[] {
  const rows = preparedSeries.rows;
  const indicators = `SELECT DISTINCT indicator_id FROM ${rows}`;
  const history = `(SELECT *, ${hashSql} AS h FROM (${rowsSql(tables.history)}) WHERE indicator_id IN (${indicators}))`;
  const columns = seriesColumns.join(", ");
  // LEFT JOIN: a row whose period is NULL keeps a NULL shape, as reading its text would give.
  const withSeries = (from: string) =>
    `SELECT ${prepared} FROM ${from} r JOIN ${preparedSeries.keys} k ON ${sameSeries("r", "k")} LEFT JOIN ${preparedSeries.periods} p ON p.period = r.period`;
  return [
    `CREATE OR REPLACE TABLE ${rows} AS SELECT *, ${hashSql} AS h FROM (${rowsSql(tables.incoming)})`,
    `CREATE OR REPLACE TABLE ${preparedSeries.keys} AS SELECT CAST(row_number() OVER () AS INTEGER) AS series, count(*) OVER (PARTITION BY h) = 1 AS alone, h, ${columns} FROM (SELECT DISTINCT h, ${columns} FROM ${rows} UNION SELECT DISTINCT h, ${columns} FROM ${history})`,
    `CREATE OR REPLACE TABLE ${preparedSeries.periods} AS ${numbered(annotated(`SELECT DISTINCT period FROM ${rows} WHERE period IS NOT NULL UNION SELECT DISTINCT period FROM ${history} WHERE period IS NOT NULL`))}`,
    `CREATE OR REPLACE TABLE ${preparedSeries.file} AS ${withSeries(rows)}`,
    `CREATE OR REPLACE TABLE ${preparedSeries.accepted} AS ${withSeries(history)}`,
  ];
}

export const dropPreparedSeriesSql = Object.values(preparedSeries).map(
  (table) => `DROP TABLE IF EXISTS ${table}`,
);

/** Runs `check` with the prepared tables in place, and drops them after, whatever happens. */
export async function withPreparedSeries<T>(
  engine: Engine,
  tables: PlausibilityTables,
  check: () => Promise<T>,
  hashSql?: string,
): Promise<T> {
  try {
    for (const sql of prepareSeriesSql(tables, hashSql)) await engine.exec(sql);
    return await check();
  } finally {
    for (const sql of dropPreparedSeriesSql) await engine.exec(sql);
  }
}
