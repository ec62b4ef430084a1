/**
 * Published observation data of any size for the benchmark and the scale test, in the app's
 * Parquet layout (the columns of `tableColumns`, sorted by indicator and time, row groups of
 * 65,536 rows), written by native DuckDB straight from SQL so ten million rows take seconds.
 * Labelled illustrative in every row (obs_status, source). Every catalog indicator, quarterly
 * from 2018; each indicator-quarter has its total (no breakdown) first, then breakdowns over the
 * catalog's dimension codes (geography standing for countries of destination).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import dimensionsJson from "../../indicators/dimensions.json";
import { readRawCatalog } from "../../src/lib/catalog/load-catalog-node";
import { dimensionNames } from "../../src/lib/catalog/schema";
import {
  buildHeadlineRowsSql,
  headlineSpecs,
  type Selection,
} from "../../src/lib/observations/series-sql";
import { publishedRowGroupSize } from "../../src/lib/parquet/row-group-size";
import type { PublishedIndex } from "../../src/lib/published/published-index";

const quarters = 32;
const indicatorsJson = readRawCatalog("indicators").indicators.map((e) => e.data);
const indicatorIds = (indicatorsJson as { id: string }[]).map((i) => i.id);
const codesOf = (dimension: string): string[] =>
  (dimensionsJson as { id: string; codes: { code: string }[] }[])
    .find((d) => d.id === dimension)
    ?.codes.map((c) => c.code) ?? [];

const sqlList = (values: readonly string[]) =>
  `[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]`;

/**
 * SELECT producing `rows` rows. Row n: quarter = n mod 32, indicator = (n div 32) mod 90, and the
 * rest numbers the breakdown.
 */
export function publishedRowsSql(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer`);
  const combo = `(n // ${quarters * indicatorIds.length})`;
  // Breakdown 0 is the total; 1…singles each one code of one dimension (what the indicator page's
  // disaggregation reads); beyond, cross-classifications numbered digit by digit.
  const singles: { dimension: string; code: string }[] = dimensionNames.flatMap((d) =>
    codesOf(d).map((code) => ({ dimension: d, code })),
  );
  const crossed = `(${combo} - ${singles.length + 1})`;
  let radix = 1;
  const dims = dimensionNames.map((d) => {
    const codes = codesOf(d);
    const digit = `((${crossed} // ${radix}) % ${codes.length + 1})`;
    radix *= codes.length + 1;
    const single = singles
      .map((s, i) => (s.dimension === d ? `WHEN ${i + 1} THEN '${s.code}'` : ""))
      .filter(Boolean)
      .join(" ");
    return `CASE WHEN ${combo} = 0 THEN NULL WHEN ${combo} <= ${singles.length} THEN (CASE ${combo} ${single} ELSE NULL END) WHEN ${digit} = 0 THEN NULL ELSE ${sqlList(codes)}[${digit}] END AS ${d}`;
  });
  return [
    `SELECT ${sqlList(indicatorIds)}[((n // ${quarters}) % ${indicatorIds.length}) + 1] AS indicator_id,`,
    `  (2018 + (n % ${quarters}) // 4)::VARCHAR || '-Q' || ((n % ${quarters}) % 4 + 1)::VARCHAR AS period,`,
    `  (2018 + (n % ${quarters}) // 4 + ((n % ${quarters}) % 4) / 4)::DOUBLE AS time,`,
    `  (50 + hash(n) % 5000)::DOUBLE AS value,`,
    `  ${dims.join(",\n  ")},`,
    `  NULL::VARCHAR AS unit, 'illustrative' AS obs_status, 'GCM Monitor benchmark (illustrative)' AS source, NULL::VARCHAR AS note`,
    `FROM range(${rows}) t(n)`,
    `ORDER BY indicator_id, time`,
  ].join("\n");
}

const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** Writes `rows` generated observations to `path` as Parquet (ZSTD). */
export async function writePublishedParquet(path: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (${publishedRowsSql(rows)}) TO ${quoted(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${publishedRowGroupSize})`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A large published dataset in the ranged layout, as a regional deployment would host it:
 * `observations.parquet`, `observations.index.json` (each indicator's row groups, from the file's
 * own row-group statistics) and `headlines.parquet` (the overview's rows, by the app's own query).
 */
export async function writeRangedDataset(
  dir: string,
  rows: number,
): Promise<{ parquet: string; index: string; headlines: string }> {
  const parquet = join(dir, "observations.parquet");
  const index = join(dir, "observations.index.json");
  const headlines = join(dir, "headlines.parquet");
  if (!existsSync(parquet)) await writePublishedParquet(parquet, rows);
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE VIEW observations AS SELECT * FROM read_parquet(${quoted(parquet)})`,
    );
    const headline = buildHeadlineRowsSql(
      headlineSpecs(indicatorsJson as unknown as { id: string; headline: Selection }[]),
    );
    const prepared = await connection.prepare(
      `COPY (${headline.sql}) TO ${quoted(headlines)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    for (const [i, value] of headline.params.entries()) prepared.bindVarchar(i + 1, String(value));
    await prepared.run();
    const groups = await connection.runAndReadAll(
      `SELECT row_group_id, row_group_num_rows, stats_min_value, stats_max_value FROM parquet_metadata(${quoted(parquet)}) WHERE path_in_schema = 'indicator_id' ORDER BY row_group_id`,
    );
    const rowGroups: Record<string, number[]> = Object.create(null);
    let total = 0;
    for (const [id, count, min, max] of groups.getRows()) {
      total += Number(count);
      for (const indicator of indicatorIds)
        if (indicator >= String(min) && indicator <= String(max))
          rowGroups[indicator] = [...(rowGroups[indicator] ?? []), Number(id)];
    }
    const published: PublishedIndex = {
      layout: "ranged",
      rows: total,
      rowGroupSize: publishedRowGroupSize,
      rowGroups,
    };
    await writeFile(index, JSON.stringify(published));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { parquet, index, headlines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path = "published.parquet", rows = "1000000"] = process.argv.slice(2);
  const started = performance.now();
  await writePublishedParquet(path, Number(rows));
  console.log(`wrote ${path}: ${rows} rows in ${Math.round(performance.now() - started)} ms`);
}
