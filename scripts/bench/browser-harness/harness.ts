/**
 * The page the engine benchmark drives in Chromium: the app's own engine code
 * (src/lib/db/browser-engine.ts, which takes DuckDB-wasm's threaded build on a cross-origin
 * isolated page) and Parquet codec, with each step timed by the page's clock so the debugging
 * protocol's round trip is not counted. Exposed as `window.gcmBench`; built apart by
 * build-harness.ts, never part of the app.
 */
import { type BrowserEngine, startBrowserEngine } from "@/lib/db/browser-engine";
import type { SqlParam } from "@/lib/db/engine";
import { loadBrowserParquet } from "@/lib/parquet/parquet-browser";
import { type ParquetWasm, parquetToArrowIpc } from "@/lib/parquet/parquet-codec";

interface Timed<T> {
  ms: number;
  value: T;
}

let engine: BrowserEngine | null = null;
let parquet: ParquetWasm | null = null;
const inputs: { csv: Uint8Array[]; parquet: Uint8Array[] } = { csv: [], parquet: [] };

function running(): BrowserEngine {
  if (!engine) throw new Error("start() first");
  return engine;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function fetchAll(urls: readonly string[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const url of urls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    out.push(new Uint8Array(await response.arrayBuffer()));
  }
  return out;
}

const gcmBench = {
  /** Starts the engine (threads: false keeps the single-threaded build) and the Parquet codec. */
  async start(threads: boolean) {
    const { ms, value } = await timed(() => startBrowserEngine({ threads }));
    engine = value;
    parquet = await loadBrowserParquet();
    return {
      startMs: ms,
      build: value.build,
      version: await value.version(),
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      hardwareConcurrency: navigator.hardwareConcurrency,
    };
  },
  /** Downloads the input files into the page (not timed). */
  async load(csvUrls: string[], parquetUrls: string[]) {
    inputs.csv = await fetchAll(csvUrls);
    inputs.parquet = await fetchAll(parquetUrls);
    return { csvBytes: inputs.csv.reduce((n, b) => n + b.byteLength, 0) };
  },
  /**
   * The CSV parts registered as files `bench-part<k>.csv`, then `sql` (which reads them), then
   * the files dropped: file bytes to a queryable table, as the Node engine does it. The engine
   * takes the bytes it is given, so each run gets its own copy, made before the clock starts.
   */
  async ingestCsv(sql: string) {
    const e = running();
    const copies = inputs.csv.map((bytes) => bytes.slice());
    const names = copies.map((_, k) => `bench-part${k}.csv`);
    return (
      await timed(async () => {
        for (const [k, bytes] of copies.entries()) await e.registerFile(names[k] as string, bytes);
        try {
          await e.exec(sql);
        } finally {
          for (const name of names) await e.dropFile(name);
        }
      })
    ).ms;
  },
  /** The Parquet parts through parquet-wasm to Arrow IPC into `table` (the app's path). */
  async ingestParquet(table: string) {
    const e = running();
    const pq = parquet;
    if (!pq) throw new Error("start() first");
    return (
      await timed(async () => {
        for (const [k, bytes] of inputs.parquet.entries()) {
          const ipc = parquetToArrowIpc(pq, bytes);
          if (k === 0) {
            await e.insertArrowIpc(table, ipc);
            continue;
          }
          // The engine's insert always creates its table: later parts go through a staging one.
          await e.insertArrowIpc(`${table}_part`, ipc);
          await e.exec(
            `INSERT INTO ${table} SELECT * FROM ${table}_part; DROP TABLE ${table}_part`,
          );
        }
      })
    ).ms;
  },
  async exec(sql: string) {
    const e = running();
    return (await timed(() => e.exec(sql))).ms;
  },
  async query(sql: string, params: SqlParam[]) {
    const e = running();
    return timed(() => e.query(sql, params));
  },
  async close() {
    await engine?.close();
    engine = null;
  },
};

declare global {
  interface Window {
    gcmBench: typeof gcmBench;
  }
}
window.gcmBench = gcmBench;
