/**
 * data/observations/*.csv → validated → DuckDB (the same wasm engine the browser runs) →
 * public/data/observations.parquet. Fails, naming file, row and column, if any file has an error.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadCatalogFromDir } from "../src/lib/catalog/load-catalog-node";
import type { Indicator } from "../src/lib/catalog/schema";
import type { Engine } from "../src/lib/db/engine";
import { startNodeEngine } from "../src/lib/db/node-engine";
import type { FundingRecord } from "../src/lib/funding/funding-columns";
import { exportFundingParquet, loadFunding } from "../src/lib/funding/funding-table";
import { countErrors } from "../src/lib/intake/findings";
import { inspectFile } from "../src/lib/intake/inspect-file";
import { readCsv } from "../src/lib/intake/read-csv";
import { validateObservations } from "../src/lib/intake/validate-observations";
import type { Observation } from "../src/lib/observations/columns";
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
import { exportManifestFile } from "../src/lib/officer-tools/export-bundle";
import { exportManifest } from "../src/lib/officer-tools/manifest";
import { arrowIpcToParquet } from "../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../src/lib/parquet/parquet-node";
import {
  indexFromRowRanges,
  indicatorRowRangesSql,
  publishedRowGroupSize,
  rangedLayoutFromRows,
} from "../src/lib/published/published-index";
import { createMemoryStore } from "../src/lib/submissions/memory-store";
import { type SubmissionStore, sha256Hex } from "../src/lib/submissions/submission";
import { loadBase, restoreSubmissions } from "../src/lib/submissions/submission-service";
import { formatFinding } from "./lib/format-finding";

export const observationsDir = "data/observations";
export const publishedParquet = "public/data/observations.parquet";
export const fundingDir = "data/funding";
export const publishedFunding = "public/data/funding.parquet";
export const publishedDir = "data/published";
export const publishedHeadlines = "public/data/headlines-snapshot.json";
export const publishedHeadlineRows = "public/data/headlines.parquet";
export const publishedIndex = "public/data/observations.index.json";

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
): Promise<HeadlineSnapshot> {
  const { sql, params } = buildHeadlineSeriesSql(headlineSpecs(indicators));
  return {
    source: "published",
    computedAt: new Date().toISOString(),
    rows: await engine.query(sql, params),
  };
}

export async function collectObservations(): Promise<Observation[]> {
  const catalog = await loadCatalogFromDir("indicators");
  if (!catalog.ok)
    throw new Error(catalog.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("\n"));
  const files = (await readdir(observationsDir)).filter((f) => f.endsWith(".csv")).sort();
  const all: Observation[] = [];
  for (const file of files) {
    const path = join(observationsDir, file);
    const { findings, observations } = validateObservations(
      catalog.catalog,
      readCsv(await readFile(path, "utf8")),
      path,
    );
    if (countErrors(findings) > 0) {
      throw new Error(
        findings
          .filter((f) => f.severity === "error")
          .map((f) => formatFinding(f, "en"))
          .join("\n"),
      );
    }
    all.push(...observations);
  }
  return all;
}

/** data/funding/*.csv, checked with the same intake as uploads (errors stop the build). */
export async function collectFunding(): Promise<FundingRecord[]> {
  const catalog = await loadCatalogFromDir("indicators");
  if (!catalog.ok) throw new Error("catalog invalid");
  const files = existsSync(fundingDir)
    ? (await readdir(fundingDir)).filter((f) => f.endsWith(".csv")).sort()
    : [];
  const records: FundingRecord[] = [];
  for (const file of files) {
    const path = join(fundingDir, file);
    const result = await inspectFile(catalog.catalog, path, new Uint8Array(await readFile(path)));
    if (result.kind !== "funding" || result.errors > 0) {
      throw new Error(
        result.findings
          .filter((f) => f.severity === "error")
          .map((f) => formatFinding(f, "en"))
          .join("\n") || `${path}: not a funding file`,
      );
    }
    records.push(...result.funding);
  }
  return records;
}

/**
 * Officers' exports unzipped into `data/published/<name>/` (observations.parquet + manifest.json):
 * checked against their manifest, then laid over the CSV data in name order, like submissions.
 */
export async function publishedStore(dir = publishedDir): Promise<SubmissionStore> {
  const store = createMemoryStore();
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  for (const [index, name] of names.entries()) {
    const manifest = exportManifest.parse(
      JSON.parse(await readFile(join(dir, name, exportManifestFile), "utf8")),
    );
    const parquet = new Uint8Array(await readFile(join(dir, name, manifest.observations.file)));
    const sha256 = await sha256Hex(parquet);
    if (sha256 !== manifest.observations.sha256) {
      throw new Error(
        `${join(dir, name)}: ${manifest.observations.file} does not match its manifest (sha256 ${sha256})`,
      );
    }
    await store.add(
      {
        id: name,
        seq: index + 1,
        fileName: `${name}/${manifest.observations.file}`,
        checksum: sha256,
        acceptedAt: manifest.generatedAt,
        rows: manifest.observations.rows,
        indicators: [],
        periods: [],
        status: "active",
      },
      parquet,
    );
  }
  return store;
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const observations = await collectObservations();
  const engine = await startNodeEngine();
  try {
    await loadObservations(engine, observations);
    await loadBase(engine, nodeParquet, await exportObservationsParquet(engine, nodeParquet));
    const restored = await restoreSubmissions(engine, await publishedStore(), nodeParquet);
    if (restored.failed.length > 0)
      throw new Error(`published data unreadable: ${JSON.stringify(restored.failed)}`);
    const indicators = await loadCatalogIndicators();
    const ids = indicators.map((i) => i.id);
    const unknown = await engine.query(
      `SELECT DISTINCT indicator_id FROM observations WHERE indicator_id NOT IN (${ids.map(() => "?").join(", ")})`,
      ids,
    );
    if (unknown.length > 0)
      throw new Error(
        `published data name indicators no longer in the catalog: ${unknown.map((r) => r.indicator_id).join(", ")}`,
      );
    const parquet = await exportObservationsParquet(engine, nodeParquet);
    await mkdir("public/data", { recursive: true });
    await writeFile(publishedParquet, parquet);
    await writePublishedIndex(engine, indicators);
    const snapshot = await headlineSnapshot(engine, indicators);
    await writeFile(publishedHeadlines, JSON.stringify(snapshot));
    console.log(`wrote ${publishedHeadlines}: ${snapshot.rows.length} headline points`);
    const funding = await collectFunding();
    await loadFunding(engine, funding);
    await writeFile(publishedFunding, await exportFundingParquet(engine, nodeParquet));
    console.log(`wrote ${publishedFunding}: ${funding.length} funding records`);
    const [total] = await engine.query("SELECT count(*) AS n FROM observations");
    console.log(
      `wrote ${publishedParquet}: ${total?.n} observations (${observations.length} from CSV, ${restored.restored} published exports), ${parquet.byteLength} bytes`,
    );
  } finally {
    await engine.close();
  }
}
