/**
 * DuckDB-wasm 1.32 in-process under Node (the blocking build, the same wasm the browser runs),
 * opened by openNodeDuckDB in src/lib/db/node-engine.ts: eh bundle, BigInt and DECIMAL as double, extension
 * autoload off (Parquet is not built in; it goes parquet-wasm → Arrow IPC → insertArrowFromIPCStream).
 */
import { arrowToRows } from "../../../src/lib/db/arrow-rows";
import { openNodeDuckDB } from "../../../src/lib/db/node-engine";
import { parquetToArrowIpc } from "../../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../../src/lib/parquet/parquet-node";
import type { BenchEngine, BenchInput } from "./engine";
import { csvColumnsSql, csvDialectSql, fingerprintSql, querySql, toAnswer } from "./questions";

const sortOrder = "ORDER BY indicator_id, period";

export async function startDuckdbWasm(input: BenchInput): Promise<BenchEngine> {
  const { db, conn } = await openNodeDuckDB();
  const setting = arrowToRows(conn.query("SELECT current_setting('threads') AS t"))[0];

  const csvNames = input.csv.map((_, k) => `bench-part${k}.csv`);
  const run = (sql: string, params: readonly (string | number)[]) => {
    if (params.length === 0) return conn.query(sql);
    const statement = conn.prepare(sql);
    try {
      return statement.query(...params);
    } finally {
      statement.close();
    }
  };

  const readCsv = (table: string, order: string) => {
    input.csv.forEach((bytes, k) => {
      db.registerFileBuffer(csvNames[k] as string, bytes);
    });
    const list = csvNames.map((n) => `'${n}'`).join(", ");
    try {
      conn.query(
        `CREATE TABLE ${table} AS SELECT * FROM read_csv([${list}], ${csvDialectSql}, columns = ${csvColumnsSql}) ${order}`,
      );
    } finally {
      for (const name of csvNames) db.dropFile(name);
    }
  };

  return {
    id: "duckdb-wasm",
    threads: Number(setting?.t),
    version: async () => `@duckdb/duckdb-wasm ${db.getVersion()}`,
    ingestCsv: async () => readCsv("obs", ""),
    ingestParquet: async () => {
      input.parquet.forEach((bytes, k) => {
        conn.insertArrowFromIPCStream(parquetToArrowIpc(nodeParquet, bytes), {
          name: "obs",
          create: k === 0,
        });
      });
    },
    release: async () => {
      conn.query("DROP TABLE IF EXISTS obs_sorted");
      conn.query("DROP TABLE IF EXISTS obs");
    },
    fingerprint: async () => {
      const row = arrowToRows(conn.query(fingerprintSql("obs")))[0] ?? {};
      return { rows: Number(row.rows), values: Number(row.values), sum: Number(row.sum) };
    },
    sorted: {
      copy: async () => {
        conn.query(`CREATE TABLE obs_sorted AS SELECT * FROM obs ${sortOrder}`);
      },
      ingestCsv: async () => readCsv("obs_sorted", sortOrder),
      drop: async () => {
        conn.query("DROP TABLE IF EXISTS obs_sorted");
      },
    },
    query: async (question, layout) => {
      const q = querySql[question];
      const table = layout === "sorted" ? "obs_sorted" : "obs";
      return toAnswer(question, arrowToRows(run(q.sql(table), q.params)));
    },
    close: async () => {
      conn.close();
      db.reset();
    },
  };
}
