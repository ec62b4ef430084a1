/**
 * Published observation data of any size for the benchmark and the scale test, in the app's
 * Parquet layout (the columns of `tableColumns`, sorted by indicator and time, row groups of
 * 122,880 rows), written by native DuckDB straight from SQL so ten million rows take seconds.
 * Labelled illustrative in every row (obs_status, source). Every catalog indicator, quarterly
 * from 2018; each indicator-quarter has its total (no breakdown) first, then breakdowns over the
 * catalog's dimension codes (geography standing for countries of destination).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import dimensionsJson from "../../indicators/dimensions.json";
import indicatorsJson from "../../indicators/indicators.json";
import { dimensionNames } from "../../src/lib/catalog/schema";

const quarters = 32;
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

/** Writes `rows` generated observations to `path` as Parquet (ZSTD). */
export async function writePublishedParquet(path: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (${publishedRowsSql(rows)}) TO '${path.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path = "published.parquet", rows = "1000000"] = process.argv.slice(2);
  const started = performance.now();
  await writePublishedParquet(path, Number(rows));
  console.log(`wrote ${path}: ${rows} rows in ${Math.round(performance.now() - started)} ms`);
}
