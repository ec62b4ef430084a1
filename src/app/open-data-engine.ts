import { startBrowserEngine } from "@/lib/db/browser-engine";
import type { Engine } from "@/lib/db/engine";
import type { ReadyData } from "@/lib/db/engine-status";
import { loadBrowserParquet } from "@/lib/parquet/parquet-browser";
import { createIndexedDbStore } from "@/lib/submissions/indexeddb-store";
import {
  loadBase,
  type RestoreReport,
  restoreSubmissions,
} from "@/lib/submissions/submission-service";
import { fundingDataset } from "@/lib/submissions/submission-sql";

const publishedData = `${import.meta.env.BASE_URL}data/observations.parquet`;
const publishedFunding = `${import.meta.env.BASE_URL}data/funding.parquet`;

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

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts DuckDB-wasm, loads the published observations and funding, then lays the officer's
 * accepted submissions (kept in IndexedDB) over them. This module and everything it imports
 * (DuckDB's wrapper, Arrow, the Parquet codec) is loaded on demand, so the first screen does not
 * wait for it. Returns null when cancelled (the engine is closed).
 */
export async function openDataEngine(callbacks: OpenCallbacks): Promise<OpenedData | null> {
  // The Parquet decoder and the data file download while the engine starts.
  const parquet = Promise.all([loadBrowserParquet(), fetchBytes(publishedData)]);
  parquet.catch(() => undefined);
  let engine: Engine;
  try {
    engine = await startBrowserEngine({ onCrash: callbacks.onCrash });
  } catch (error) {
    throw new OpenDataError("engine", messageOf(error));
  }
  if (callbacks.isCancelled()) {
    await engine.close();
    return null;
  }
  callbacks.onEngineStarted();
  try {
    const [pq, bytes] = await parquet;
    await loadBase(engine, pq, bytes);
    await loadBase(engine, pq, await fetchBytes(publishedFunding), fundingDataset);
    const store = createIndexedDbStore();
    let restore: RestoreReport = { restored: 0, failed: [] };
    let storageProblem: string | null = null;
    try {
      restore = await restoreSubmissions(engine, store, pq);
    } catch (error) {
      storageProblem = messageOf(error);
    }
    const version = await engine.version();
    if (callbacks.isCancelled()) {
      await engine.close();
      return null;
    }
    const reloadSubmissions = () => restoreSubmissions(engine, store, pq);
    return { engine, store, parquet: pq, version, restore, storageProblem, reloadSubmissions };
  } catch (error) {
    await engine.close().catch(() => undefined);
    throw new OpenDataError("data", messageOf(error));
  }
}
