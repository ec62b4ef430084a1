import { zipSync } from "fflate";
import type { Catalog } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import type { Engine } from "../db/engine";
import { sha256Hex } from "../hash/sha256";
import { bundledSources } from "../observations/bundled-sources";
import { exportObservationsParquet } from "../observations/observation-table";
import type { ParquetWasm } from "../parquet/parquet-codec";
import type { SubmissionMeta } from "../submissions/submission";
import type { ExportManifest } from "./manifest";
import {
  type ExportRow,
  openSdgCsv,
  openSdgFileName,
  openSdgSourcesFile,
  sourcesCsv,
} from "./open-sdg";

export const exportObservationsFile = "observations.parquet";
export const exportManifestFile = "manifest.json";

/** A fingerprint of the catalog the data were checked against. */
export async function catalogVersion(catalog: Catalog): Promise<string> {
  return (await sha256Hex(new TextEncoder().encode(JSON.stringify(catalog)))).slice(0, 16);
}

/** Demo rows never leave in an export, whatever the page shows: they must not be published. */
const realRows = "obs_status IS DISTINCT FROM 'illustrative'";

/**
 * Everything accepted, as the app reads it but without demo rows: one Parquet file and a
 * manifest with its checksum, the catalog version, the submissions behind it and the publishers
 * and licences of the data it holds, zipped. Unzipped into `data/published/<name>/`, the build
 * publishes it.
 */
export async function exportBundle(
  engine: Engine,
  pq: ParquetWasm,
  catalog: Catalog,
  submissions: readonly SubmissionMeta[],
  now: Date,
): Promise<Uint8Array> {
  const parquet = await exportObservationsParquet(engine, pq, { withoutIllustrative: true });
  const [count] = await engine.query(`SELECT count(*) AS n FROM observations WHERE ${realRows}`);
  const named = new Set(
    (await engine.query(`SELECT DISTINCT source FROM observations WHERE ${realRows}`)).map((r) =>
      String(r.source),
    ),
  );
  const manifest: ExportManifest = {
    format: "gcm-monitor-export/1",
    generatedAt: now.toISOString(),
    catalogVersion: await catalogVersion(catalog),
    observations: {
      file: exportObservationsFile,
      sha256: await sha256Hex(parquet),
      rows: Number(count?.n ?? 0),
    },
    sources: bundledSources
      .filter((s) => named.has(s.id))
      .map((s) => ({ id: s.id, publisher: s.publisher.en, licence: s.licence.name, url: s.url })),
    submissions: submissions.map(({ fileName, checksum, acceptedAt, rows, status }) => ({
      fileName,
      checksum,
      acceptedAt,
      rows,
      status,
    })),
  };
  return zipSync({
    [exportObservationsFile]: parquet,
    [exportManifestFile]: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  });
}

/**
 * One Open SDG CSV per indicator with data, zipped, without demo rows. Open SDG reads every extra
 * column as a disaggregation, so where each value comes from goes in `sources.csv` beside them.
 */
export async function exportOpenSdg(engine: Engine): Promise<Uint8Array> {
  const rows = await engine.query(
    `SELECT indicator_id, period, value, obs_status, ${dimensionNames.join(", ")} FROM observations WHERE ${realRows} ORDER BY indicator_id, time`,
  );
  const sourceRows = await engine.query(
    `SELECT indicator_id, source, min(period) AS first_period, max(period) AS last_period FROM observations WHERE ${realRows} GROUP BY indicator_id, source ORDER BY indicator_id, source`,
  );
  const byIndicator = new Map<string, ExportRow[]>();
  for (const r of rows) {
    const row: ExportRow = {
      indicator_id: String(r.indicator_id),
      period: String(r.period),
      value: typeof r.value === "number" ? r.value : null,
      obs_status: typeof r.obs_status === "string" ? r.obs_status : null,
      dimensions: Object.fromEntries(
        dimensionNames.flatMap((d) => (typeof r[d] === "string" ? [[d, r[d] as string]] : [])),
      ),
    };
    const list = byIndicator.get(row.indicator_id);
    if (list) list.push(row);
    else byIndicator.set(row.indicator_id, [row]);
  }
  const encoder = new TextEncoder();
  return zipSync({
    ...Object.fromEntries(
      [...byIndicator].map(([id, list]) => [openSdgFileName(id), encoder.encode(openSdgCsv(list))]),
    ),
    [openSdgSourcesFile]: encoder.encode(sourcesCsv(sourceRows)),
  });
}
