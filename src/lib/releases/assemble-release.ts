import { zipSync } from "fflate";
import { type Catalog, dimensionNames } from "../catalog/schema";
import type { Engine } from "../db/engine";
import { exportFundingParquet } from "../funding/funding-table";
import { sha256Hex } from "../hash/sha256";
import type { DataSource } from "../observations/data-sources";
import { exportObservationsParquet } from "../observations/observation-table";
import { buildHeadlineSeriesSql, headlineSpecs } from "../observations/series-sql";
import { catalogVersion } from "../officer-tools/export-bundle";
import { type ParquetWasm, parquetToArrowIpc } from "../parquet/parquet-codec";
import {
  createSubmittedTableSql,
  rebuildSql,
  restoreTableSql,
} from "../submissions/submission-sql";
import { datasets } from "../tables/table-descriptors";
import type { VerifiedBundle } from "./bundle";
import { downloadRecords, indicatorCsv, indicatorJson, indicatorXlsx } from "./downloads";
import { proposalDataset, releaseChangesSql } from "./proposal-sql";
import {
  changesFile,
  nextVersion,
  type Person,
  type ReleaseChanges,
  type ReleaseIndex,
  type ReleaseManifest,
  releaseFormat,
  releaseIndexFile,
  releaseManifestFile,
} from "./release-formats";
import { releasePaths } from "./release-paths";

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Lays a verified bundle over the published data in proposal tables (the approver's own
 * accepted files are left out: a release is what is published plus what was approved).
 */
export async function loadProposal(
  engine: Engine,
  pq: ParquetWasm,
  bundle: VerifiedBundle,
): Promise<void> {
  for (const base of Object.values(datasets)) {
    const d = proposalDataset(base);
    await engine.exec(`DROP TABLE IF EXISTS ${d.submitted}`);
    await engine.exec(createSubmittedTableSql(d));
    for (const s of bundle.manifest.submissions.filter((x) => x.kind === base.kind)) {
      const data = bundle.files[s.file];
      if (!data) throw new Error(`${s.file} is not in the bundle`);
      await engine.exec("DROP TABLE IF EXISTS proposal_raw");
      await engine.insertArrowIpc("proposal_raw", parquetToArrowIpc(pq, data));
      await engine.exec(restoreTableSql(d, "proposal_one", "proposal_raw", s.seq));
      await engine.exec(`INSERT INTO ${d.submitted} SELECT * FROM proposal_one`);
      await engine.exec("DROP TABLE proposal_one");
      await engine.exec("DROP TABLE proposal_raw");
    }
    await engine.exec(rebuildSql(d));
  }
}

/** What the proposal adds, revises and removes against what is published, per indicator. */
export async function proposalChanges(engine: Engine): Promise<ReleaseChanges> {
  const d = proposalDataset(datasets.observations);
  const rows = await engine.query(releaseChangesSql(datasets.observations.base, d.effective));
  const byIndicator = new Map<string, ReleaseChanges[number]>();
  for (const r of rows) {
    const indicatorId = String(r.indicator_id);
    let entry = byIndicator.get(indicatorId);
    if (!entry) {
      entry = { indicatorId, added: [], revised: [], removed: [] };
      byIndicator.set(indicatorId, entry);
    }
    const key = {
      period: String(r.period),
      breakdown: Object.fromEntries(
        dimensionNames.flatMap((dim) =>
          typeof r[dim] === "string" ? [[dim, r[dim] as string]] : [],
        ),
      ),
    };
    const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
    if (r.kind === "added") entry.added.push({ ...key, value: num(r.new_value) });
    else if (r.kind === "removed") entry.removed.push({ ...key, value: num(r.old_value) });
    else entry.revised.push({ ...key, old: num(r.old_value), new: num(r.new_value) });
  }
  return [...byIndicator.values()];
}

export interface AssembledRelease {
  /** Paths relative to the site's `data/releases/` folder: unzip it there to publish. */
  zip: Uint8Array;
  manifest: ReleaseManifest;
  index: ReleaseIndex;
  changes: ReleaseChanges;
}

/**
 * The release a verified bundle makes, every file hashed in its manifest, with the site's index
 * of releases brought up to date. Demo rows and demo funding are never part of it.
 */
export async function assembleRelease(
  engine: Engine,
  pq: ParquetWasm,
  input: {
    bundle: VerifiedBundle;
    approvedBy: Person;
    index: ReleaseIndex | null;
    catalog: Catalog;
    sources: readonly DataSource[];
    now: Date;
  },
): Promise<AssembledRelease> {
  const { bundle, catalog, sources, now } = input;
  await loadProposal(engine, pq, bundle);
  const version = nextVersion(input.index, now);
  const paths = releasePaths(version);
  const observations = proposalDataset(datasets.observations).effective;
  const changes = await proposalChanges(engine);
  const files: Record<string, Uint8Array> = {
    [paths.observations]: await exportObservationsParquet(engine, pq, {
      table: observations,
      withoutIllustrative: true,
    }),
    [paths.funding]: await exportFundingParquet(engine, pq, {
      table: proposalDataset(datasets.funding).effective,
      withoutIllustrative: true,
    }),
    [paths.changes]: json(changes),
    [paths.catalog]: json(catalog),
  };
  const headline = buildHeadlineSeriesSql(
    headlineSpecs(catalog.indicators),
    undefined,
    `(SELECT * FROM ${observations} WHERE obs_status IS DISTINCT FROM 'illustrative')`,
  );
  files[paths.headlines] = json({
    source: "published",
    computedAt: now.toISOString(),
    rows: await engine.query(headline.sql, headline.params),
  });
  const bundleZip: Record<string, Uint8Array> = {
    [changesFile]: files[paths.changes] ?? new Uint8Array(),
    "catalog.json": files[paths.catalog] ?? new Uint8Array(),
  };
  const withRows = await engine.query(
    `SELECT DISTINCT indicator_id FROM ${observations} WHERE obs_status IS DISTINCT FROM 'illustrative' ORDER BY indicator_id`,
  );
  const indicatorIds = withRows.map((r) => String(r.indicator_id));
  for (const id of indicatorIds) {
    const indicator = catalog.indicators.find((i) => i.id === id);
    if (!indicator) continue;
    const records = downloadRecords(
      await engine.query(
        `SELECT * FROM ${observations} WHERE indicator_id = ? AND obs_status IS DISTINCT FROM 'illustrative' ORDER BY time`,
        [id],
      ),
      sources,
    );
    const csv = encoder.encode(indicatorCsv(indicator, records));
    files[paths.indicator(id, "csv")] = csv;
    files[paths.indicator(id, "json")] = encoder.encode(indicatorJson(indicator, version, records));
    files[paths.indicator(id, "xlsx")] = await indicatorXlsx(indicator, records);
    bundleZip[`indicators/${id}.csv`] = csv;
  }
  files[paths.wholeRelease] = zipSync(bundleZip);
  const [count] = await engine.query(
    `SELECT count(*) AS n FROM ${observations} WHERE obs_status IS DISTINCT FROM 'illustrative'`,
  );
  const named = new Set(
    (await engine.query(`SELECT DISTINCT source FROM ${observations}`)).map((r) =>
      String(r.source),
    ),
  );
  const manifest: ReleaseManifest = {
    format: releaseFormat,
    version,
    date: now.toISOString(),
    previous: input.index?.releases.at(-1)?.version ?? null,
    catalogVersion: await catalogVersion(catalog),
    preparedBy: bundle.manifest.preparedBy,
    approvedBy: input.approvedBy,
    bundleSha256: bundle.manifestSha256,
    rows: Number(count?.n ?? 0),
    indicators: indicatorIds,
    sources: sources
      .filter((s) => named.has(s.id))
      .map((s) => ({ id: s.id, publisher: s.publisher.en, licence: s.licence.name })),
    files: await Promise.all(
      Object.entries(files).map(async ([path, data]) => ({
        path: path.slice(`${version}/`.length),
        bytes: data.length,
        sha256: await sha256Hex(data),
      })),
    ),
  };
  const manifestBytes = json(manifest);
  const index: ReleaseIndex = {
    format: "gcm-monitor-releases/1",
    releases: [
      ...(input.index?.releases ?? []),
      { version, date: manifest.date, manifestSha256: await sha256Hex(manifestBytes) },
    ],
  };
  return {
    zip: zipSync({
      ...files,
      [`${version}/${releaseManifestFile}`]: manifestBytes,
      [releaseIndexFile]: json(index),
    }),
    manifest,
    index,
    changes,
  };
}
