import type { Engine } from "../db/engine";
import type { ParquetWasm } from "../parquet/parquet-codec";
import { releaseFiles } from "../releases/release-paths";
import { loadBase } from "../submissions/submission-service";
import { fundingDataset } from "../tables/table-descriptors";
import { demoDataDir, demoOn } from "./demo-mode";
import { type PublishedIndex, parsePublishedIndex } from "./published-index";
import {
  createRangedLoader,
  type EnsureIndicators,
  everythingLoaded,
  type ReadRowGroups,
} from "./ranged-loader";
import { fetchReleaseFile, latestRelease } from "./releases-client";

/*
 * The one place the published data are fetched and loaded: the newest release when the site has
 * releases (`data/releases/`), otherwise the build's own files; the demo dataset after them when
 * the page opened with the demo on; for a large dataset, the ranged reader that loads the rest.
 */

const base = import.meta.env.BASE_URL;
const publishedData = `${base}data/observations.parquet`;
const publishedIndex = `${base}data/observations.index.json`;
const publishedHeadlines = `${base}data/headlines.parquet`;
const publishedFunding = `${base}data/funding.parquet`;
const demoObservations = `${base}${demoDataDir}/observations.parquet`;
const demoFunding = `${base}${demoDataDir}/funding.parquet`;

/** What is downloaded before the engine can load it: Parquet files, in load order. */
export interface PublishedDownload {
  observations: Uint8Array[];
  funding: Uint8Array[];
  /** The build's layout; null for a release or an older build (one whole file). */
  index: PublishedIndex | null;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The published layout; a missing or unreadable index means one whole file (older builds). */
async function fetchIndex(): Promise<PublishedIndex | null> {
  try {
    const response = await fetch(publishedIndex);
    return response.ok ? parsePublishedIndex(await response.json()) : null;
  } catch {
    return null;
  }
}

/** The published file, followed by the demo dataset's when the page opened with the demo on. */
async function withDemoFile(published: Promise<Uint8Array>, demo: string): Promise<Uint8Array[]> {
  const [first, extra] = await Promise.all([published, demoOn ? fetchBytes(demo) : null]);
  return extra ? [first, extra] : [first];
}

/**
 * The published observations: the newest release's file, checked against its manifest, or the
 * build's own: the whole file, or for a large ranged dataset only the overview's headline rows.
 */
async function fetchObservations(): Promise<Pick<PublishedDownload, "observations" | "index">> {
  const release = await latestRelease();
  if (release) {
    const bytes = fetchReleaseFile(release, releaseFiles.observations);
    return { observations: await withDemoFile(bytes, demoObservations), index: null };
  }
  const index = await fetchIndex();
  const url = index?.layout === "ranged" ? publishedHeadlines : publishedData;
  return { observations: await withDemoFile(fetchBytes(url), demoObservations), index };
}

/** The published funding: the newest release's, checked, or the build's. */
async function fetchFunding(): Promise<Uint8Array[]> {
  const release = await latestRelease();
  const published = release
    ? fetchReleaseFile(release, releaseFiles.funding)
    : fetchBytes(publishedFunding);
  return withDemoFile(published, demoFunding);
}

/** Starts both downloads at once; the app calls it while the engine starts. */
export function downloadPublished(): {
  observations: Promise<Pick<PublishedDownload, "observations" | "index">>;
  funding: Promise<Uint8Array[]>;
} {
  return { observations: fetchObservations(), funding: fetchFunding() };
}

/**
 * Reads row groups of the published file with HTTP range requests (parquet-wasm), opening the file
 * (its footer) once, on the first read.
 */
function rangeReader(pq: ParquetWasm, url: string): ReadRowGroups {
  let file: ReturnType<ParquetWasm["ParquetFile"]["fromUrl"]> | undefined;
  return async (rowGroups) => {
    // A failed open (say, the connection dropped) is tried again on the next read.
    file ??= pq.ParquetFile.fromUrl(url).catch((error: unknown) => {
      file = undefined;
      throw error;
    });
    const table = await (await file).read({ rowGroups: [...rowGroups] });
    return table.intoIPCStream();
  };
}

/**
 * Loads the downloaded files as the base tables, and returns how the views make sure an
 * indicator's rows are in (everything already is, except for a ranged dataset).
 */
export async function loadPublished(
  engine: Engine,
  pq: ParquetWasm,
  download: PublishedDownload,
): Promise<EnsureIndicators> {
  await loadBase(engine, pq, download.observations);
  const ensureIndicators =
    download.index?.layout === "ranged"
      ? createRangedLoader(
          engine,
          rangeReader(pq, new URL(publishedData, globalThis.location.href).href),
          download.index,
        )
      : everythingLoaded;
  await loadBase(engine, pq, download.funding, fundingDataset);
  return ensureIndicators;
}
