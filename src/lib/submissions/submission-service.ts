import type { Engine } from "../db/engine";
import { arrowIpcToParquet, type ParquetWasm, parquetToArrowIpc } from "../parquet/parquet-codec";
import type { SubmissionMeta, SubmissionStore } from "./submission";
import {
  acceptStagedSql,
  createSubmittedTableSql,
  type Dataset,
  datasets,
  diffCountsSql,
  diffSampleSql,
  observationsDataset,
  rebuildSql,
  stagedSummarySql,
} from "./submission-sql";

export interface DiffRow {
  kind: "added" | "changed" | "removed";
  /** The row's key columns that have a value, e.g. indicator, period and disaggregation codes. */
  key: Record<string, string>;
  old_value: number | null;
  new_value: number | null;
}

export interface Diff {
  dataset: Dataset["kind"];
  added: number;
  changed: number;
  removed: number;
  sample: DiffRow[];
}

async function transaction(engine: Engine, work: () => Promise<void>): Promise<void> {
  await engine.exec("BEGIN TRANSACTION");
  try {
    await work();
    await engine.exec("COMMIT");
  } catch (error) {
    await engine.exec("ROLLBACK");
    throw error;
  }
}

const datasetOf = (meta: Pick<SubmissionMeta, "kind">): Dataset =>
  datasets[meta.kind ?? "observations"];

/** Loads published data (observations by default) as the base every submission is laid over. */
export async function loadBase(
  engine: Engine,
  pq: ParquetWasm,
  parquet: Uint8Array,
  dataset: Dataset = observationsDataset,
): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${dataset.base}`);
  await engine.insertArrowIpc(dataset.base, parquetToArrowIpc(pq, parquet));
  await engine.exec(createSubmittedTableSql(dataset));
  await engine.exec(rebuildSql(dataset));
}

async function appendSubmission(
  engine: Engine,
  pq: ParquetWasm,
  dataset: Dataset,
  seq: number,
  parquet: Uint8Array,
): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${dataset.staged}`);
  await engine.insertArrowIpc(dataset.staged, parquetToArrowIpc(pq, parquet));
  await engine.query(acceptStagedSql(dataset), [seq]);
  await engine.exec(`DROP TABLE ${dataset.staged}`);
}

export interface RestoreReport {
  restored: number;
  failed: { id: string; fileName: string; message: string }[];
}

/** Lays every active stored submission over its base, in acceptance order. A broken one is reported, not fatal. */
export async function restoreSubmissions(
  engine: Engine,
  store: SubmissionStore,
  pq: ParquetWasm,
): Promise<RestoreReport> {
  const report: RestoreReport = { restored: 0, failed: [] };
  const touched = new Set<Dataset>();
  for (const meta of (await store.list()).filter((m) => m.status === "active")) {
    const dataset = datasetOf(meta);
    try {
      await appendSubmission(engine, pq, dataset, meta.seq, await store.read(meta.id));
      touched.add(dataset);
      report.restored++;
    } catch (error) {
      report.failed.push({
        id: meta.id,
        fileName: meta.fileName,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  for (const dataset of new Set([observationsDataset, ...touched]))
    await engine.exec(rebuildSql(dataset));
  return report;
}

/** Puts a checked file's rows (Arrow IPC, the dataset's column order) where the diff can see them. */
export async function stage(
  engine: Engine,
  ipc: Uint8Array,
  dataset: Dataset = observationsDataset,
): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${dataset.staged}`);
  await engine.insertArrowIpc(dataset.staged, ipc);
}

export async function diffStaged(
  engine: Engine,
  limit = 200,
  dataset: Dataset = observationsDataset,
): Promise<Diff> {
  const counts = new Map(
    (await engine.query(diffCountsSql(dataset))).map((r) => [String(r.kind), Number(r.n)]),
  );
  const sample = (await engine.query(diffSampleSql(dataset), [limit])).map((r) => ({
    kind: r.kind as DiffRow["kind"],
    key: Object.fromEntries(
      dataset.key.flatMap((k) => (typeof r[k] === "string" ? [[k, r[k] as string]] : [])),
    ),
    old_value: typeof r.old_value === "number" ? r.old_value : null,
    new_value: typeof r.new_value === "number" ? r.new_value : null,
  }));
  return {
    dataset: dataset.kind,
    added: counts.get("added") ?? 0,
    changed: counts.get("changed") ?? 0,
    removed: counts.get("removed") ?? 0,
    sample,
  };
}

export async function findAccepted(
  store: SubmissionStore,
  checksum: string,
): Promise<SubmissionMeta | undefined> {
  return (await store.list()).find((m) => m.status === "active" && m.checksum === checksum);
}

/**
 * Accepts the staged file whole: first into durable storage (if that fails, nothing changed),
 * then into DuckDB in one transaction.
 */
export async function acceptStaged(
  engine: Engine,
  store: SubmissionStore,
  pq: ParquetWasm,
  file: { fileName: string; checksum: string; at: string; id: string },
  dataset: Dataset = observationsDataset,
): Promise<SubmissionMeta> {
  const [summary] = await engine.query(stagedSummarySql(dataset));
  const existing = await store.list();
  const meta: SubmissionMeta = {
    id: file.id,
    seq: existing.reduce((max, m) => Math.max(max, m.seq), 0) + 1,
    kind: dataset.kind,
    fileName: file.fileName,
    checksum: file.checksum,
    acceptedAt: file.at,
    rows: Number(summary?.rows ?? 0),
    indicators: (summary?.indicators as string[] | undefined) ?? [],
    periods: (summary?.periods as string[] | undefined) ?? [],
    status: "active",
  };
  const parquet = arrowIpcToParquet(
    pq,
    await engine.queryArrowIpc(`SELECT ${dataset.columns.join(", ")} FROM ${dataset.staged}`),
  );
  await store.add(meta, parquet);
  await transaction(engine, async () => {
    await engine.query(acceptStagedSql(dataset), [meta.seq]);
    await engine.exec(rebuildSql(dataset));
  });
  await engine.exec(`DROP TABLE IF EXISTS ${dataset.staged}`);
  return meta;
}

/** Undoes a submission: its values give way to the previous submission or the published data. History stays. */
export async function undoSubmission(
  engine: Engine,
  store: SubmissionStore,
  meta: SubmissionMeta,
  at: string,
): Promise<void> {
  const dataset = datasetOf(meta);
  await store.setStatus(meta.id, "undone", at);
  await transaction(engine, async () => {
    await engine.query(`DELETE FROM ${dataset.submitted} WHERE submission_seq = ?`, [meta.seq]);
    await engine.exec(rebuildSql(dataset));
  });
}

export async function dropStaged(engine: Engine): Promise<void> {
  for (const dataset of Object.values(datasets))
    await engine.exec(`DROP TABLE IF EXISTS ${dataset.staged}`);
}
