/**
 * Native DuckDB under Node (@duckdb/node-api) with a given number of threads: the ceiling, run
 * with as many threads as each DuckDB-wasm build has (1 for the single-threaded build, the
 * browser's count for the threaded one) and with 2. It reads the files from disk (just written,
 * so from the page cache); Parquet is built in.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import type { BenchEngine, BenchInput } from "./engine";
import { csvColumnsSql, csvDialectSql, fingerprintSql, querySql, toAnswer } from "./questions";

const sortOrder = "ORDER BY indicator_id, period";
const quoteList = (paths: readonly string[]) =>
  `[${paths.map((p) => `'${p.replaceAll("'", "''")}'`).join(", ")}]`;

export async function startNativeDuckdb(input: BenchInput, threads: number): Promise<BenchEngine> {
  const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
  const conn = await instance.connect();
  await conn.run(`SET threads = ${threads}`);
  const setting = (
    await conn.runAndReadAll("SELECT current_setting('threads') AS t")
  ).getRowObjectsJS()[0];
  const { files } = input;
  const readCsv = `SELECT * FROM read_csv(${quoteList(files.csv)}, ${csvDialectSql}, columns = ${csvColumnsSql})`;

  return {
    id: "native-duckdb",
    threads: Number(setting?.t),
    version: async () => {
      const reader = await conn.runAndReadAll("SELECT version() AS v");
      return `@duckdb/node-api, DuckDB ${String(reader.getRowObjectsJS()[0]?.v)}`;
    },
    ingestCsv: async () => {
      await conn.run(`CREATE TABLE obs AS ${readCsv}`);
    },
    ingestParquet: async () => {
      await conn.run(`CREATE TABLE obs AS SELECT * FROM read_parquet(${quoteList(files.parquet)})`);
    },
    release: async () => {
      await conn.run("DROP TABLE IF EXISTS obs_sorted");
      await conn.run("DROP TABLE IF EXISTS obs");
    },
    fingerprint: async () => {
      const row = (await conn.runAndReadAll(fingerprintSql("obs"))).getRowObjectsJS()[0] ?? {};
      return { rows: Number(row.rows), values: Number(row.values), sum: Number(row.sum) };
    },
    sorted: {
      copy: async () => {
        await conn.run(`CREATE TABLE obs_sorted AS SELECT * FROM obs ${sortOrder}`);
      },
      ingestCsv: async () => {
        await conn.run(`CREATE TABLE obs_sorted AS ${readCsv} ${sortOrder}`);
      },
      drop: async () => {
        await conn.run("DROP TABLE IF EXISTS obs_sorted");
      },
    },
    query: async (question, layout) => {
      const q = querySql[question];
      const table = layout === "sorted" ? "obs_sorted" : "obs";
      const reader =
        q.params.length === 0
          ? await conn.runAndReadAll(q.sql(table))
          : await conn.runAndReadAll(q.sql(table), q.params);
      return toAnswer(question, reader.getRowObjectsJS());
    },
    close: async () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
