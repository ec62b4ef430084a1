import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createDuckDB, NODE_RUNTIME, VoidLogger } from "@duckdb/duckdb-wasm/blocking";
import { arrowToRows } from "./arrow-rows";
import { columnsToIpc } from "./columns-to-ipc";
import { type Engine, engineStartupSql, type SqlParam } from "./engine";

const require = createRequire(import.meta.url);
// The blocking build loads apache-arrow through require(); Arrow objects must come from that same copy.
const arrow = require("apache-arrow") as typeof import("apache-arrow");
const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));

/**
 * The blocking DuckDB-wasm opened as the app opens it (eh bundle, BigInt and DECIMAL as double,
 * the startup settings): shared by the engine below and the benchmark, which times raw calls.
 */
export async function openNodeDuckDB() {
  const db = await createDuckDB(
    {
      mvp: {
        mainModule: join(dist, "duckdb-mvp.wasm"),
        mainWorker: join(dist, "duckdb-node-mvp.worker.cjs"),
      },
      eh: {
        mainModule: join(dist, "duckdb-eh.wasm"),
        mainWorker: join(dist, "duckdb-node-eh.worker.cjs"),
      },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  for (const sql of engineStartupSql) conn.query(sql);
  return { db, conn };
}

/** DuckDB-wasm in-process under Node: the same engine and SQL as the browser, for tests and the CLI. */
export async function startNodeEngine(): Promise<Engine> {
  const { db, conn } = await openNodeDuckDB();

  const run = (sql: string, params: readonly SqlParam[]) => {
    if (params.length === 0) return conn.query(sql);
    const statement = conn.prepare(sql);
    try {
      return statement.query(...params);
    } finally {
      statement.close();
    }
  };

  return {
    query: async (sql, params = []) => arrowToRows(run(sql, params)),
    exec: async (sql) => {
      conn.query(sql);
    },
    queryArrowIpc: async (sql, params = []) => arrow.tableToIPC(run(sql, params), "stream"),
    insertColumns: async (table, columns) =>
      conn.insertArrowFromIPCStream(columnsToIpc(arrow, columns), { name: table, create: true }),
    insertArrowIpc: async (table, ipc) =>
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true }),
    registerFile: async (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => {
      db.dropFile(name);
    },
    version: async () => db.getVersion(),
    close: async () => {
      conn.close();
      db.reset();
    },
  };
}
