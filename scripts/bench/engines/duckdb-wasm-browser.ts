/**
 * DuckDB-wasm in headless Chromium through the app's own engine code (the benchmark's harness
 * page, scripts/bench/browser-harness/), served by the production server: with the cross-origin
 * isolation headers the engine takes the threaded build (`duckdb-wasm-threads`), and asked for
 * one thread it keeps the single-threaded build (`duckdb-wasm-chromium`), so the two differ only
 * in the build. Each step is timed by the page's clock; the input files are downloaded into the
 * page before any clock starts, as a user's file would be in memory.
 */
import type { Page } from "playwright-core";
import { launchChromium } from "../../../tests/helpers/chromium";
import { startStaticServer } from "../../lib/static-server";
import { sampleChromiumMemory } from "../memory-sampler";
import type { BenchEngine, BenchInput } from "./engine";
import { csvColumnsSql, csvDialectSql, fingerprintSql, querySql, toAnswer } from "./questions";

const sortOrder = "ORDER BY indicator_id, period";

interface HarnessStart {
  startMs: number;
  build: { name: string; threads: number };
  version: string;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

/** Calls `window.gcmBench[method](...args)` in the page (sent as text: see page-clock.ts). */
async function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const list = args.map((a) => JSON.stringify(a)).join(", ");
  return (await page.evaluate(`window.gcmBench.${method}(${list})`)) as T;
}

export async function startDuckdbWasmBrowser(
  input: BenchInput,
  options: { harnessDir: string; threads: boolean },
): Promise<BenchEngine> {
  const { files } = input;
  const overrides: Record<string, string> = {};
  const csvUrls = files.csv.map((path, k) => {
    overrides[`/input/part${k}.csv`] = path;
    return `/input/part${k}.csv`;
  });
  const parquetUrls = files.parquet.map((path, k) => {
    overrides[`/input/part${k}.parquet`] = path;
    return `/input/part${k}.parquet`;
  });
  const server = await startStaticServer({
    root: options.harnessDir,
    overrides,
    crossOriginIsolation: options.threads,
  });
  const memory = sampleChromiumMemory();
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30 * 60_000);
  const closeAll = async () => {
    await browser.close().catch(() => undefined);
    await memory.stop();
    await server.close();
  };
  let started: HarnessStart;
  try {
    await page.goto(`${server.url}/`);
    await page.waitForFunction("window.gcmBench !== undefined");
    started = await call<HarnessStart>(page, "start", options.threads);
    const expected = options.threads ? "coi" : "eh";
    if (started.build.name !== expected)
      throw new Error(
        `Chromium ran the ${started.build.name} build, not ${expected} (cross-origin isolated: ${started.crossOriginIsolated})`,
      );
    await call(page, "load", csvUrls, parquetUrls);
  } catch (error) {
    await closeAll();
    throw error;
  }

  let lastMs: number | null = null;
  const timedCall = async (method: string, ...args: unknown[]) => {
    lastMs = await call<number>(page, method, ...args);
  };
  const names = csvUrls.map((_, k) => `'bench-part${k}.csv'`).join(", ");
  const readCsv = (table: string, order: string) =>
    `CREATE TABLE ${table} AS SELECT * FROM read_csv([${names}], ${csvDialectSql}, columns = ${csvColumnsSql}) ${order}`;
  const exec = (sql: string) => call<number>(page, "exec", sql);
  const rows = async (sql: string, params: readonly (string | number)[]) => {
    const result = await call<{ ms: number; value: Record<string, unknown>[] }>(
      page,
      "query",
      sql,
      params,
    );
    lastMs = result.ms;
    return result.value;
  };

  return {
    id: options.threads ? "duckdb-wasm-threads" : "duckdb-wasm-chromium",
    threads: started.build.threads,
    startMs: started.startMs,
    version: async () =>
      `@duckdb/duckdb-wasm, DuckDB ${started.version}, ${started.build.name} build, threads=${started.build.threads}, in ${browser.context.browser()?.version() ?? "Chromium"} (cross-origin isolated: ${started.crossOriginIsolated}, hardwareConcurrency ${started.hardwareConcurrency})`,
    lastDurationMs: () => lastMs,
    peakRssMb: () => memory.peak(),
    ingestCsv: () => timedCall("ingestCsv", readCsv("obs", "")),
    ingestParquet: () => timedCall("ingestParquet", "obs"),
    release: async () => {
      await exec("DROP TABLE IF EXISTS obs_sorted");
      await exec("DROP TABLE IF EXISTS obs");
    },
    fingerprint: async () => {
      const row = (await rows(fingerprintSql("obs"), []))[0] ?? {};
      return { rows: Number(row.rows), values: Number(row.values), sum: Number(row.sum) };
    },
    sorted: {
      copy: () => timedCall("exec", `CREATE TABLE obs_sorted AS SELECT * FROM obs ${sortOrder}`),
      ingestCsv: () => timedCall("ingestCsv", readCsv("obs_sorted", sortOrder)),
      drop: async () => {
        await exec("DROP TABLE IF EXISTS obs_sorted");
      },
    },
    query: async (question, layout) => {
      const q = querySql[question];
      return toAnswer(
        question,
        await rows(q.sql(layout === "sorted" ? "obs_sorted" : "obs"), q.params),
      );
    },
    close: async () => {
      await call(page, "close").catch(() => undefined);
      await closeAll();
    },
  };
}
