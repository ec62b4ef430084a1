import { type BrowserEngine, startBrowserEngine } from "@/lib/db/browser-engine";
import { loadBrowserParquet } from "@/lib/parquet/parquet-browser";
import type { ParquetWasm } from "@/lib/parquet/parquet-codec";
import { demoDataDir, demoOn } from "@/lib/published/demo-mode";
import { type PublishedIndex, parsePublishedIndex } from "@/lib/published/published-index";
import { createRangedLoader, everythingLoaded } from "@/lib/published/ranged-loader";
import { fetchReleaseFile, latestRelease } from "@/lib/published/releases-client";
import type { ReadyData } from "@/lib/query/engine-status";
import { releaseFiles } from "@/lib/releases/release-paths";
import { createIndexedDbStore } from "@/lib/submissions/indexeddb-store";
import {
  loadBase,
  type RestoreReport,
  restoreSubmissions,
} from "@/lib/submissions/submission-service";
import { fundingDataset } from "@/lib/tables/table-descriptors";

const publishedData = `${import.meta.env.BASE_URL}data/observations.parquet`;
const publishedIndex = `${import.meta.env.BASE_URL}data/observations.index.json`;
const publishedHeadlines = `${import.meta.env.BASE_URL}data/headlines.parquet`;

/** The published layout; a missing or unreadable index means one whole file (older builds). */
async function fetchIndex(): Promise<PublishedIndex | null> {
  try {
    const response = await fetch(publishedIndex);
    return response.ok ? parsePublishedIndex(await response.json()) : null;
  } catch {
    return null;
  }
}

/**
 * The published observations at start. When the site has releases (`data/releases/`), the
 * newest one's file, checked against its manifest; otherwise the build's own: the whole file, or
 * for a large ranged dataset only the overview's headline rows (the rest is read by range).
 */
async function fetchPublished(): Promise<{ bytes: Uint8Array[]; index: PublishedIndex | null }> {
  const release = await latestRelease();
  if (release) {
    const bytes = fetchReleaseFile(release, releaseFiles.observations);
    return { bytes: await withDemoFile(bytes, demoObservations), index: null };
  }
  const index = await fetchIndex();
  const url = index?.layout === "ranged" ? publishedHeadlines : publishedData;
  return { bytes: await withDemoFile(fetchBytes(url), demoObservations), index };
}

/** The published funding: the newest release's, checked, or the build's. */
async function fetchPublishedFunding(): Promise<Uint8Array> {
  const release = await latestRelease();
  if (!release) return fetchBytes(publishedFunding);
  return fetchReleaseFile(release, releaseFiles.funding);
}
const publishedFunding = `${import.meta.env.BASE_URL}data/funding.parquet`;
const demoObservations = `${import.meta.env.BASE_URL}${demoDataDir}/observations.parquet`;
const demoFunding = `${import.meta.env.BASE_URL}${demoDataDir}/funding.parquet`;

/** The published file, followed by the demo dataset's when the page opened with the demo on. */
async function withDemoFile(published: Promise<Uint8Array>, demo: string): Promise<Uint8Array[]> {
  const [base, extra] = await Promise.all([published, demoOn ? fetchBytes(demo) : null]);
  return extra ? [base, extra] : [base];
}

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

/** The engine starting and the published data downloading, begun before anyone asked. */
export interface EarlyStart {
  engine: Promise<BrowserEngine>;
  parquet: Promise<[ParquetWasm, { bytes: Uint8Array[]; index: PublishedIndex | null }]>;
  funding: Promise<Uint8Array[]>;
  /** Who hears of a crash once the engine runs. */
  onCrash: (handler: (error: Error) => void) => void;
}

/**
 * Starts the engine and the downloads at once. The engine takes longer to start than the first
 * screen takes to draw, so the app calls this as its code loads, not after the first render.
 */
export function startEarly(): EarlyStart {
  let crashHandler: (error: Error) => void = () => undefined;
  // The Parquet decoder and the data file download while the engine starts.
  const parquet = Promise.all([loadBrowserParquet(), fetchPublished()]);
  parquet.catch(() => undefined);
  const funding = withDemoFile(fetchPublishedFunding(), demoFunding);
  funding.catch(() => undefined);
  const engine = startBrowserEngine({ onCrash: (error) => crashHandler(error) });
  engine.catch(() => undefined);
  return {
    engine,
    parquet,
    funding,
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
  const { parquet, funding } = early;
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
    const [pq, published] = await parquet;
    await loadBase(engine, pq, published.bytes);
    const ensureIndicators =
      published.index?.layout === "ranged"
        ? createRangedLoader(
            engine,
            pq,
            new URL(publishedData, globalThis.location.href).href,
            published.index,
          )
        : everythingLoaded;
    await loadBase(engine, pq, await funding, fundingDataset);
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
    const reloadSubmissions = () => restoreSubmissions(engine, store, pq);
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
      reloadSubmissions,
      ensureIndicators,
    };
  } catch (error) {
    await engine.close().catch(() => undefined);
    throw new OpenDataError("data", messageOf(error));
  }
}
