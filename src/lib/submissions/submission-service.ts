import { dimensionNames } from "../catalog/schema";
import type { Engine } from "../db/engine";
import { tableColumns } from "../observations/observation-table";
import { arrowIpcToParquet, type ParquetWasm, parquetToArrowIpc } from "../parquet/parquet-codec";
import type { SubmissionMeta, SubmissionStore } from "./submission";
import {
  acceptStagedSql,
  baseTable,
  createSubmittedTableSql,
  diffCountsSql,
  diffSampleSql,
  rebuildObservationsSql,
  stagedTable,
  submittedTable,
} from "./submission-sql";

export interface DiffRow {
  kind: "added" | "changed" | "removed";
  indicator_id: string;
  period: string;
  dimensions: Record<string, string>;
  old_value: number | null;
  new_value: number | null;
}

export interface Diff {
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

/** Loads the published data as the base every submission is laid over. */
export async function loadBase(
  engine: Engine,
  pq: ParquetWasm,
  parquet: Uint8Array,
): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${baseTable}`);
  await engine.insertArrowIpc(baseTable, parquetToArrowIpc(pq, parquet));
  await engine.exec(createSubmittedTableSql());
  await engine.exec(rebuildObservationsSql());
}

async function appendSubmission(
  engine: Engine,
  pq: ParquetWasm,
  seq: number,
  parquet: Uint8Array,
): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${stagedTable}`);
  await engine.insertArrowIpc(stagedTable, parquetToArrowIpc(pq, parquet));
  await engine.query(acceptStagedSql(), [seq]);
  await engine.exec(`DROP TABLE ${stagedTable}`);
}

export interface RestoreReport {
  restored: number;
  failed: { id: string; fileName: string; message: string }[];
}

/** Lays every active stored submission over the base, in acceptance order. A broken one is reported, not fatal. */
export async function restoreSubmissions(
  engine: Engine,
  store: SubmissionStore,
  pq: ParquetWasm,
): Promise<RestoreReport> {
  const report: RestoreReport = { restored: 0, failed: [] };
  for (const meta of (await store.list()).filter((m) => m.status === "active")) {
    try {
      await appendSubmission(engine, pq, meta.seq, await store.read(meta.id));
      report.restored++;
    } catch (error) {
      report.failed.push({
        id: meta.id,
        fileName: meta.fileName,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  await engine.exec(rebuildObservationsSql());
  return report;
}

/** Puts a checked file's observations (Arrow IPC, table column order) where the diff can see them. */
export async function stage(engine: Engine, ipc: Uint8Array): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${stagedTable}`);
  await engine.insertArrowIpc(stagedTable, ipc);
}

export async function diffStaged(engine: Engine, limit = 200): Promise<Diff> {
  const counts = new Map(
    (await engine.query(diffCountsSql())).map((r) => [String(r.kind), Number(r.n)]),
  );
  const sample = (await engine.query(diffSampleSql(), [limit])).map((r) => ({
    kind: r.kind as DiffRow["kind"],
    indicator_id: String(r.indicator_id),
    period: String(r.period),
    dimensions: Object.fromEntries(
      dimensionNames.flatMap((d) => (typeof r[d] === "string" ? [[d, r[d] as string]] : [])),
    ),
    old_value: typeof r.old_value === "number" ? r.old_value : null,
    new_value: typeof r.new_value === "number" ? r.new_value : null,
  }));
  return {
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
): Promise<SubmissionMeta> {
  const [summary] = await engine.query(
    `SELECT count(*) AS rows, list(DISTINCT indicator_id ORDER BY indicator_id) AS indicators, list(DISTINCT period ORDER BY period) AS periods FROM ${stagedTable}`,
  );
  const existing = await store.list();
  const meta: SubmissionMeta = {
    id: file.id,
    seq: existing.reduce((max, m) => Math.max(max, m.seq), 0) + 1,
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
    await engine.queryArrowIpc(`SELECT ${tableColumns.join(", ")} FROM ${stagedTable}`),
  );
  await store.add(meta, parquet);
  await transaction(engine, async () => {
    await engine.query(acceptStagedSql(), [meta.seq]);
    await engine.exec(rebuildObservationsSql());
  });
  await engine.exec(`DROP TABLE IF EXISTS ${stagedTable}`);
  return meta;
}

/** Undoes a submission: its values give way to the previous submission or the published data. History stays. */
export async function undoSubmission(
  engine: Engine,
  store: SubmissionStore,
  meta: SubmissionMeta,
  at: string,
): Promise<void> {
  await store.setStatus(meta.id, "undone", at);
  await transaction(engine, async () => {
    await engine.query(`DELETE FROM ${submittedTable} WHERE submission_seq = ?`, [meta.seq]);
    await engine.exec(rebuildObservationsSql());
  });
}

export async function dropStaged(engine: Engine): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${stagedTable}`);
}
