import * as duckdb from "@duckdb/duckdb-wasm";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import * as arrowModule from "apache-arrow";
import { arrowToRows } from "./arrow-rows";
import { columnsToIpc } from "./columns-to-ipc";
import { type Engine, engineStartupSql, type SqlParam } from "./engine";

// Bundled by Vite from node_modules and served from the app's own origin: never a CDN.
const bundles: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Starts DuckDB-wasm in a Web Worker. Call once; the DbProvider owns the result. */
export async function startBrowserEngine(): Promise<Engine> {
  const bundle = await duckdb.selectBundle(bundles);
  if (!bundle.mainWorker) throw new Error("DuckDB bundle without a worker");
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const conn = await db.connect();
  for (const sql of engineStartupSql) await conn.query(sql);

  const run = async (sql: string, params: readonly SqlParam[]) => {
    if (params.length === 0) return conn.query(sql);
    const statement = await conn.prepare(sql);
    try {
      return await statement.query(...params);
    } finally {
      await statement.close();
    }
  };

  return {
    query: async (sql, params = []) => arrowToRows(await run(sql, params)),
    exec: async (sql) => {
      await conn.query(sql);
    },
    queryArrowIpc: async (sql, params = []) =>
      arrowModule.tableToIPC(await run(sql, params), "stream"),
    insertColumns: async (table, columns) =>
      conn.insertArrowFromIPCStream(columnsToIpc(arrowModule, columns), {
        name: table,
        create: true,
      }),
    insertArrowIpc: (table, ipc) =>
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true }),
    registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    version: () => db.getVersion(),
    close: async () => {
      await conn.close();
      await db.terminate();
    },
  };
}
