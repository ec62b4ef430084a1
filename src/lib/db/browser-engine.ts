import * as duckdb from "@duckdb/duckdb-wasm";
import coiPthreadWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url";
import coiWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import coiWasm from "@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import * as arrowModule from "apache-arrow";
import { arrowToRows } from "./arrow-rows";
import { columnsToIpc } from "./columns-to-ipc";
import { type Engine, EngineCrashedError, engineStartupSql, type SqlParam } from "./engine";
import { type EngineBuild, engineBuildNameOf, engineThreadsFor } from "./engine-build";

// Bundled by Vite from node_modules and served from the app's own origin: never a CDN.
const singleThreaded: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};
// selectBundle takes this one only on a cross-origin isolated page (SharedArrayBuffer) whose
// browser has wasm threads, SIMD and exceptions; everywhere else the single-threaded ones.
const withThreads: duckdb.DuckDBBundles = {
  ...singleThreaded,
  coi: { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthreadWorker },
};

/** The engine, and which DuckDB-wasm build it runs with how many threads. */
export interface BrowserEngine extends Engine {
  build: EngineBuild;
}

export interface BrowserEngineOptions {
  /**
   * Called once if the worker dies after the engine started (an uncaught error in it). Every call
   * in flight and every later one then fails with EngineCrashedError; start a new engine.
   */
  onCrash?: (error: EngineCrashedError) => void;
  /** false: the single-threaded build even on a cross-origin isolated page. Default true. */
  threads?: boolean;
}

/** Starts DuckDB-wasm in a Web Worker. Call once; the DbProvider owns the result. */
export async function startBrowserEngine(
  options: BrowserEngineOptions = {},
): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle(
    options.threads === false ? singleThreaded : withThreads,
  );
  const buildName = engineBuildNameOf(bundle.mainModule);
  if (!bundle.mainWorker) throw new Error("DuckDB bundle without a worker");
  const worker = new Worker(bundle.mainWorker);

  // DuckDB's wrapper forgets its pending requests when the worker fails, so they would never
  // settle: every call races against the worker's death instead.
  let crash: EngineCrashedError | null = null;
  let started = false;
  let died: (error: EngineCrashedError) => void = () => undefined;
  const death = new Promise<never>((_, reject) => {
    died = reject;
  });
  death.catch(() => undefined);
  const fail = (message: string) => {
    if (crash) return;
    crash = new EngineCrashedError(message);
    worker.terminate();
    died(crash);
    if (started) options.onCrash?.(crash);
  };
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(event.message || "the data engine's worker stopped");
  });
  worker.addEventListener("messageerror", () =>
    fail("the data engine's worker sent an unreadable message"),
  );
  const guard = <T>(work: () => Promise<T>): Promise<T> =>
    crash ? Promise.reject(crash) : Promise.race([work(), death]);

  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await guard(() => db.instantiate(bundle.mainModule, bundle.pthreadWorker));
    await guard(() =>
      db.open({
        query: { castBigIntToDouble: true, castDecimalToDouble: true },
        ...(buildName === "coi"
          ? { maximumThreads: engineThreadsFor(globalThis.navigator?.hardwareConcurrency) }
          : {}),
      }),
    );
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const conn = await guard(() => db.connect());
  for (const sql of engineStartupSql) await guard(() => conn.query(sql));
  const threadsRow = arrowToRows(
    await guard(() => conn.query("SELECT current_setting('threads') AS threads")),
  )[0];
  const files = [bundle.mainModule, bundle.mainWorker, bundle.pthreadWorker ?? null]
    .filter((file): file is string => typeof file === "string")
    .map((file) => new URL(file, globalThis.location.href).href);
  const build: EngineBuild = { name: buildName, threads: Number(threadsRow?.threads ?? 1), files };
  started = true;

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
    build,
    query: (sql, params = []) => guard(async () => arrowToRows(await run(sql, params))),
    exec: (sql) =>
      guard(async () => {
        await conn.query(sql);
      }),
    queryArrowIpc: (sql, params = []) =>
      guard(async () => arrowModule.tableToIPC(await run(sql, params), "stream")),
    insertColumns: (table, columns) =>
      guard(() =>
        conn.insertArrowFromIPCStream(columnsToIpc(arrowModule, columns), {
          name: table,
          create: true,
        }),
      ),
    insertArrowIpc: (table, ipc) =>
      guard(() => conn.insertArrowFromIPCStream(ipc, { name: table, create: true })),
    registerFile: (name, bytes) => guard(() => db.registerFileBuffer(name, bytes)),
    dropFile: (name) =>
      guard(async () => {
        await db.dropFile(name);
      }),
    version: () => guard(() => db.getVersion()),
    close: async () => {
      if (!crash) {
        await guard(() => conn.close()).catch(() => undefined);
        await db.terminate();
      }
      worker.terminate();
    },
  };
}
