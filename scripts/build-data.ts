/**
 * data/ → validated → DuckDB (the same wasm engine the browser runs) → public/data/:
 * - the real data (series derived from data/raw and officers' published exports), which is all
 *   the dashboard shows by default: observations.parquet, its index, the headline rows and
 *   snapshot, funding.parquet;
 * - the illustrative demo dataset in public/data/demo/, loaded only when someone turns it on.
 * Fails, naming file, row and column, if any file has an error.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { loadCatalogFromDir } from "../src/lib/catalog/load-catalog-node";
import type { Indicator } from "../src/lib/catalog/schema";
import type { Engine } from "../src/lib/db/engine";
import { startNodeEngine } from "../src/lib/db/node-engine";
import { illustrativeFundingNote } from "../src/lib/funding/funding-columns";
import { exportFundingParquet, loadFunding } from "../src/lib/funding/funding-table";
import type { HeadlineSnapshot } from "../src/lib/observations/headline-snapshot";
import {
  exportObservationsParquet,
  loadObservations,
} from "../src/lib/observations/observation-table";
import {
  buildHeadlineRowsSql,
  buildHeadlineSeriesSql,
  headlineSpecs,
} from "../src/lib/observations/series-sql";
import { arrowIpcToParquet } from "../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../src/lib/parquet/parquet-node";
import { publishedRowGroupSize } from "../src/lib/parquet/row-group-size";
import {
  collectFunding,
  collectObservations,
  publishedStore,
} from "../src/lib/published/local-data-node";
import {
  indexFromRowRanges,
  indicatorRowRangesSql,
  rangedLayoutFromRows,
} from "../src/lib/published/published-index";
import { loadBase, restoreSubmissions } from "../src/lib/submissions/submission-service";

export const publishedParquet = "public/data/observations.parquet";
export const publishedFunding = "public/data/funding.parquet";
export const publishedHeadlines = "public/data/headlines-snapshot.json";
export const publishedHeadlineRows = "public/data/headlines.parquet";
export const publishedIndex = "public/data/observations.index.json";
export const demoDir = "public/data/demo";
export const demoParquet = `${demoDir}/observations.parquet`;
export const demoFunding = `${demoDir}/funding.parquet`;
export const demoHeadlines = `${demoDir}/headlines-snapshot.json`;

async function loadCatalogIndicators(): Promise<Indicator[]> {
  const catalog = await loadCatalogFromDir("indicators");
  if (!catalog.ok) throw new Error("catalog invalid");
  return catalog.catalog.indicators;
}

/**
 * The overview's headline query, run now over the published data by the same SQL builder the app
 * uses, so the first screen can draw before DuckDB-wasm has started in the browser.
 */
export async function headlineSnapshot(
  engine: Engine,
  indicators: readonly Indicator[],
  source: HeadlineSnapshot["source"] = "published",
): Promise<HeadlineSnapshot> {
  const { sql, params } = buildHeadlineSeriesSql(headlineSpecs(indicators));
  return {
    source,
    computedAt: new Date().toISOString(),
    rows: await engine.query(sql, params),
  };
}

/**
 * The layout index of the published file (which row groups hold each indicator) and the rows the
 * overview needs, so a large dataset can be opened without downloading it (see README, "Scale").
 */
async function writePublishedIndex(engine: Engine, indicators: readonly Indicator[]) {
  const headline = buildHeadlineRowsSql(headlineSpecs(indicators));
  await writeFile(
    publishedHeadlineRows,
    arrowIpcToParquet(nodeParquet, await engine.queryArrowIpc(headline.sql, headline.params)),
  );
  const [total] = await engine.query("SELECT count(*) AS n FROM observations");
  const rows = Number(total?.n ?? 0);
  const ranges = (await engine.query(indicatorRowRangesSql("observations"))).map((r) => ({
    indicatorId: String(r.indicatorId),
    firstRow: Number(r.firstRow),
    lastRow: Number(r.lastRow),
  }));
  const layout = rows > rangedLayoutFromRows ? "ranged" : "whole";
  await writeFile(
    publishedIndex,
    JSON.stringify(indexFromRowRanges(ranges, rows, publishedRowGroupSize, layout)),
  );
}

async function buildReal(engine: Engine, indicators: readonly Indicator[]): Promise<void> {
  const observations = await collectObservations(["real"]);
  await loadObservations(engine, observations);
  await loadBase(engine, nodeParquet, await exportObservationsParquet(engine, nodeParquet));
  const restored = await restoreSubmissions(engine, await publishedStore(), nodeParquet);
  if (restored.failed.length > 0)
    throw new Error(`published data unreadable: ${JSON.stringify(restored.failed)}`);
  const ids = indicators.map((i) => i.id);
  const unknown = await engine.query(
    `SELECT DISTINCT indicator_id FROM observations WHERE indicator_id NOT IN (${ids.map(() => "?").join(", ")})`,
    ids,
  );
  if (unknown.length > 0)
    throw new Error(
      `published data name indicators no longer in the catalog: ${unknown.map((r) => r.indicator_id).join(", ")}`,
    );
  const illustrative = await engine.query(
    "SELECT count(*) AS n FROM observations WHERE obs_status = 'illustrative'",
  );
  if (Number(illustrative[0]?.n ?? 0) > 0)
    throw new Error("illustrative rows belong in data/demo/, never in the real data");
  const parquet = await exportObservationsParquet(engine, nodeParquet);
  await writeFile(publishedParquet, parquet);
  await writePublishedIndex(engine, indicators);
  const snapshot = await headlineSnapshot(engine, indicators);
  await writeFile(publishedHeadlines, JSON.stringify(snapshot));
  console.log(`wrote ${publishedHeadlines}: ${snapshot.rows.length} headline points`);
  const funding = await collectFunding(["real"]);
  await loadFunding(engine, funding);
  await writeFile(publishedFunding, await exportFundingParquet(engine, nodeParquet));
  console.log(`wrote ${publishedFunding}: ${funding.length} funding records`);
  const [total] = await engine.query("SELECT count(*) AS n FROM observations");
  console.log(
    `wrote ${publishedParquet}: ${total?.n} observations (${observations.length} from CSV, ${restored.restored} published exports), ${parquet.byteLength} bytes`,
  );
}

/** The demo rows alone (the app lays them over the real data), and the snapshot of both. */
async function buildDemo(engine: Engine, indicators: readonly Indicator[]): Promise<void> {
  await mkdir(demoDir, { recursive: true });
  const demo = await collectObservations(["demo"]);
  const notIllustrative = demo.filter((o) => o.obs_status !== "illustrative");
  if (notIllustrative.length > 0)
    throw new Error(`every demo row is labelled illustrative (${notIllustrative.length} are not)`);
  // A demo value laid over a real series would pass for part of it.
  const real = new Set((await collectObservations(["real"])).map((o) => o.indicator_id));
  const overlap = [...new Set(demo.map((o) => o.indicator_id))].filter((id) => real.has(id));
  if (overlap.length > 0)
    throw new Error(`demo data must not cover indicators with real data: ${overlap.join(", ")}`);
  await loadObservations(engine, demo);
  await writeFile(demoParquet, await exportObservationsParquet(engine, nodeParquet));
  await loadObservations(engine, await collectObservations(["real", "demo"]));
  await writeFile(
    demoHeadlines,
    JSON.stringify(await headlineSnapshot(engine, indicators, "demo")),
  );
  const funding = await collectFunding(["demo"]);
  const unmarked = funding.filter((f) => !f.note?.startsWith(illustrativeFundingNote));
  if (unmarked.length > 0)
    throw new Error(`every demo funding row's note starts with "${illustrativeFundingNote}"`);
  await loadFunding(engine, funding);
  await writeFile(demoFunding, await exportFundingParquet(engine, nodeParquet));
  console.log(`wrote ${demoDir}: ${demo.length} observations, ${funding.length} funding records`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = await startNodeEngine();
  try {
    await mkdir("public/data", { recursive: true });
    const indicators = await loadCatalogIndicators();
    await buildReal(engine, indicators);
    await buildDemo(engine, indicators);
  } finally {
    await engine.close();
  }
}
