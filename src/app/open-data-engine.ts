import { type BrowserEngine, startBrowserEngine } from "@/lib/db/browser-engine";
import { loadBrowserParquet } from "@/lib/parquet/parquet-browser";
import type { ParquetWasm } from "@/lib/parquet/parquet-codec";
import { downloadPublished, loadPublished } from "@/lib/published/published-loader";
import { latestRelease } from "@/lib/published/releases-client";
import type { ReadyData } from "@/lib/query/engine-status";
import { createIndexedDbStore } from "@/lib/submissions/indexeddb-store";
import { reloadSubmissions } from "@/lib/submissions/reload-submissions";
import { type RestoreReport, restoreSubmissions } from "@/lib/submissions/submission-service";

export type OpenedData = Omit<ReadyData, "dataVersion" | "dataChanged" | "recovery">;

export interface OpenCallbacks {
  /** The engine is running; the published data and the officer's submissions load next. */
  onEngineStarted: () => void;
  /** Whether the caller still wants the result (the component may have unmounted). */
  isCancelled: () => boolean;
  /** The engine's worker died after starting: start a new engine (the data are reloaded then). */
  onCrash: (error: Error) => void;
}

export class OpenDataError extends Error {
  constructor(
    readonly stage: "engine" | "data",
    message: string,
  ) {
    super(message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The engine starting and the published data downloading, begun before anyone asked. */
export interface EarlyStart {
  engine: Promise<BrowserEngine>;
  parquet: Promise<ParquetWasm>;
  published: ReturnType<typeof downloadPublished>;
  /** Who hears of a crash once the engine runs. */
  onCrash: (handler: (error: Error) => void) => void;
}

/**
 * Starts the engine and the downloads at once. The engine takes longer to start than the first
 * screen takes to draw, so the app calls this as its code loads, not after the first render.
 */
export function startEarly(): EarlyStart {
  let crashHandler: (error: Error) => void = () => undefined;
  // The Parquet decoder and the data files download while the engine starts.
  const parquet = loadBrowserParquet();
  parquet.catch(() => undefined);
  const published = downloadPublished();
  published.observations.catch(() => undefined);
  published.funding.catch(() => undefined);
  const engine = startBrowserEngine({ onCrash: (error) => crashHandler(error) });
  engine.catch(() => undefined);
  return {
    engine,
    parquet,
    published,
    onCrash: (handler) => {
      crashHandler = handler;
    },
  };
}

/**
 * Starts DuckDB-wasm, loads the published observations and funding, then lays the officer's
 * accepted submissions (kept in IndexedDB) over them. This module and everything it imports
 * (DuckDB's wrapper, Arrow, the Parquet codec) is loaded on demand, so the first screen does not
 * wait for it. Returns null when cancelled (the engine is closed).
 */
export async function openDataEngine(
  callbacks: OpenCallbacks,
  early: EarlyStart = startEarly(),
): Promise<OpenedData | null> {
  early.onCrash(callbacks.onCrash);
  const { parquet, published } = early;
  let engine: BrowserEngine;
  try {
    engine = await early.engine;
  } catch (error) {
    throw new OpenDataError("engine", messageOf(error));
  }
  if (callbacks.isCancelled()) {
    await engine.close();
    return null;
  }
  // Named moments of the start, read by `npm run bench` to say where the time goes.
  performance.mark("gcm:engine-started");
  callbacks.onEngineStarted();
  try {
    const [pq, observations, funding] = await Promise.all([
      parquet,
      published.observations,
      published.funding,
    ]);
    const ensureIndicators = await loadPublished(engine, pq, { ...observations, funding });
    performance.mark("gcm:published-loaded");
    const store = createIndexedDbStore();
    let restore: RestoreReport = { restored: 0, failed: [] };
    let storageProblem: string | null = null;
    try {
      restore = await restoreSubmissions(engine, store, pq);
    } catch (error) {
      storageProblem = messageOf(error);
    }
    performance.mark("gcm:submissions-restored");
    const version = await engine.version();
    if (callbacks.isCancelled()) {
      await engine.close();
      return null;
    }
    const release = await latestRelease();
    return {
      engine,
      store,
      parquet: pq,
      version,
      build: engine.build,
      release: release ? { version: release.manifest.version, date: release.manifest.date } : null,
      restore,
      storageProblem,
      reloadSubmissions: () => reloadSubmissions(engine, store, pq),
      ensureIndicators,
    };
  } catch (error) {
    await engine.close().catch(() => undefined);
    throw new OpenDataError("data", messageOf(error));
  }
}
