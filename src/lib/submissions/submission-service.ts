import { type Engine, EngineCrashedError } from "../db/engine";
import { inTransaction } from "../db/transaction";
import { sha256Hex } from "../hash/sha256";
import { arrowIpcToParquet, type ParquetWasm, parquetToArrowIpc } from "../parquet/parquet-codec";
import { timeStep } from "../step-timing";
import { type Dataset, datasets, observationsDataset } from "../tables/table-descriptors";
import { exclusive } from "./exclusive";
import {
  type NewSubmission,
  type SubmissionMeta,
  type SubmissionStore,
  seqFor,
} from "./submission";
import {
  acceptStagedSql,
  applyStagedSql,
  createDiffMatchedSql,
  createDiffScopesSql,
  createSubmittedTableSql,
  diffCountsSql,
  diffMatchedTable,
  diffSampleSql,
  diffScopesTable,
  fingerprintSql,
  rebuildSql,
  restoreTableSql,
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

const datasetOf = (meta: Pick<SubmissionMeta, "kind">): Dataset =>
  datasets[meta.kind ?? "observations"];

/** Loads published data (observations by default) as the base every submission is laid over. */
export async function loadBase(
  engine: Engine,
  pq: ParquetWasm,
  parquet: Uint8Array | readonly Uint8Array[],
  dataset: Dataset = observationsDataset,
): Promise<void> {
  const [first, ...more] = parquet instanceof Uint8Array ? [parquet] : parquet;
  if (!first) throw new Error(`no ${dataset.kind} to load`);
  await engine.exec(`DROP TABLE IF EXISTS ${dataset.base}`);
  await engine.insertArrowIpc(dataset.base, parquetToArrowIpc(pq, first));
  // Further files (the demo dataset) are appended by column name, whatever their column order.
  for (const extra of more) {
    const table = `${dataset.base}_more`;
    await engine.exec(`DROP TABLE IF EXISTS ${table}`);
    await engine.insertArrowIpc(table, parquetToArrowIpc(pq, extra));
    await engine.exec(`INSERT INTO ${dataset.base} BY NAME SELECT * FROM ${table}`);
    await engine.exec(`DROP TABLE ${table}`);
  }
  await engine.exec(createSubmittedTableSql(dataset));
  await engine.exec(rebuildSql(dataset));
}

/** A stored record whose data no longer match the SHA-256 written with them. */
export class DamagedRecordError extends Error {
  constructor(
    readonly meta: SubmissionMeta,
    readonly actualSha256: string,
  ) {
    super(
      `stored data of ${meta.fileName} do not match their checksum (expected ${meta.dataSha256}, found ${actualSha256})`,
    );
    this.name = "DamagedRecordError";
  }
}

/**
 * A submission's stored data, checked against the SHA-256 stored with them. Records stored before
 * checksums existed have none and are returned unchecked (their Parquet is still decoded, which
 * catches most damage).
 */
export async function readVerified(
  store: SubmissionStore,
  meta: SubmissionMeta,
): Promise<Uint8Array> {
  const parquet = await store.read(meta.id);
  if (meta.dataSha256 !== undefined) {
    const actual = await sha256Hex(parquet);
    if (actual !== meta.dataSha256) throw new DamagedRecordError(meta, actual);
  }
  return parquet;
}

export interface RestoreFailure {
  id: string;
  fileName: string;
  /** damaged: the data fail their checksum; unreadable: missing, incomplete or not loadable. */
  reason: "damaged" | "unreadable";
  message: string;
}

export interface RestoreReport {
  restored: number;
  failed: RestoreFailure[];
}

let restoreTables = 0;

async function nothingSubmitted(engine: Engine, based: readonly Dataset[]): Promise<boolean> {
  for (const dataset of based) {
    const [row] = await engine.query(`SELECT count(*) AS n FROM ${dataset.submitted}`);
    if (Number(row?.n ?? 0) > 0) return false;
  }
  return true;
}

/** The datasets whose published data are loaded (loadBase ran), in a fixed order. */
async function loadedDatasets(engine: Engine): Promise<Dataset[]> {
  const tables = await engine.query("SELECT table_name FROM duckdb_tables()");
  return Object.values(datasets).filter((d) => tables.some((t) => t.table_name === d.submitted));
}

/**
 * Lays every active stored submission over its base, in acceptance order, replacing whatever was
 * laid before (so it also reloads after another tab changed the store). A broken or damaged
 * submission is reported and left out, so the indicator-periods it covered fall back to the
 * previous good submission; it is never fatal. Readers see the old data or the new, never a mix.
 */
export function restoreSubmissions(
  engine: Engine,
  store: SubmissionStore,
  pq: ParquetWasm,
): Promise<RestoreReport> {
  return exclusive(engine, async () => {
    const report: RestoreReport = { restored: 0, failed: [] };
    const loaded: { dataset: Dataset; table: string }[] = [];
    const based = await loadedDatasets(engine);
    try {
      // Each submission is read, checked and loaded into a table of its own: a failure stays its own.
      for (const meta of (await store.list()).filter((m) => m.status === "active")) {
        const dataset = datasetOf(meta);
        const table = `restore_${dataset.kind}_${++restoreTables}`;
        const raw = `${table}_raw`;
        try {
          if (!based.includes(dataset)) throw new Error(`no published ${dataset.kind} loaded`);
          const ipc = parquetToArrowIpc(pq, await readVerified(store, meta));
          await engine.insertArrowIpc(raw, ipc);
          await engine.exec(restoreTableSql(dataset, table, raw, meta.seq));
          loaded.push({ dataset, table });
          report.restored++;
        } catch (error) {
          if (error instanceof EngineCrashedError) throw error;
          await engine.exec(`DROP TABLE IF EXISTS ${table}`);
          report.failed.push({
            id: meta.id,
            fileName: meta.fileName,
            reason: error instanceof DamagedRecordError ? "damaged" : "unreadable",
            message: error instanceof Error ? error.message : String(error),
          });
        } finally {
          await engine.exec(`DROP TABLE IF EXISTS ${raw}`);
        }
      }
      // Nothing stored and nothing laid before (a first start): the rows in effect are right.
      if (loaded.length === 0 && (await nothingSubmitted(engine, based))) return report;
      await inTransaction(engine, async () => {
        for (const dataset of based) {
          await engine.exec(`DELETE FROM ${dataset.submitted}`);
          for (const l of loaded.filter((l) => l.dataset === dataset))
            await engine.exec(`INSERT INTO ${dataset.submitted} SELECT * FROM ${l.table}`);
          await engine.exec(rebuildSql(dataset));
        }
      });
    } finally {
      for (const { table } of loaded)
        await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
    return report;
  });
}

/**
 * The fingerprint of the accepted data in effect (every dataset): rows and SHA-256. It covers what
 * accepted files put on screen, not the published data, so a backup restored where the app ships
 * other published data still compares; the history itself is covered by each record's checksum.
 */
export interface Fingerprint {
  rows: number;
  sha256: string;
}

export function acceptedFingerprint(engine: Engine): Promise<Fingerprint> {
  return exclusive(engine, async () => {
    const parts: string[] = [];
    let rows = 0;
    for (const dataset of await loadedDatasets(engine)) {
      const [row] = await engine.query(fingerprintSql(dataset));
      const n = Number(row?.rows ?? 0);
      // A dataset without accepted rows adds nothing, loaded or not.
      if (n === 0) continue;
      rows += n;
      parts.push(`${dataset.kind}:${n}:${String(row?.sha256)}`);
    }
    return { rows, sha256: await sha256Hex(new TextEncoder().encode(parts.join("\n"))) };
  });
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

/**
 * What accepting the staged file would change. Runs as changes to accepted data do, one at a
 * time (`exclusive`): its sample pairs rows by row id, and a reload or undo rebuilding the rows
 * in effect between its statements would pair a staged row with another row's old value.
 */
export function diffStaged(
  engine: Engine,
  limit = 200,
  dataset: Dataset = observationsDataset,
): Promise<Diff> {
  return exclusive(engine, () => diffStagedInTurn(engine, limit, dataset));
}

/**
 * `diffStaged` for work that already holds the engine's turn (the warm-up): queued again, it
 * would wait for itself.
 */
export async function diffStagedInTurn(
  engine: Engine,
  limit: number,
  dataset: Dataset,
): Promise<Diff> {
  try {
    await engine.exec(createDiffScopesSql(dataset));
    await engine.exec(createDiffMatchedSql(dataset));
    const [counts] = await engine.query(diffCountsSql(dataset));
    const sample = (await engine.query(diffSampleSql(dataset), [limit, limit, limit, limit])).map(
      (r) => ({
        kind: r.kind as DiffRow["kind"],
        key: Object.fromEntries(
          dataset.key.flatMap((k) => (typeof r[k] === "string" ? [[k, r[k] as string]] : [])),
        ),
        old_value: typeof r.old_value === "number" ? r.old_value : null,
        new_value: typeof r.new_value === "number" ? r.new_value : null,
      }),
    );
    return {
      dataset: dataset.kind,
      added: Number(counts?.added ?? 0),
      changed: Number(counts?.changed ?? 0),
      removed: Number(counts?.removed ?? 0),
      sample,
    };
  } finally {
    // Whatever happens: the warm-up, stopped between two statements, relies on it.
    await engine.exec(`DROP TABLE IF EXISTS ${diffMatchedTable(dataset)}`);
    await engine.exec(`DROP TABLE IF EXISTS ${diffScopesTable(dataset)}`);
  }
}

export async function findAccepted(
  store: SubmissionStore,
  checksum: string,
): Promise<SubmissionMeta | undefined> {
  return (await store.list()).find((m) => m.status === "active" && m.checksum === checksum);
}

/**
 * Accepts the staged file whole. Inside one DuckDB transaction the rows go in and replace the
 * scopes they cover; only then are they stored durably (one IndexedDB transaction), and then the
 * DuckDB transaction commits. Should DuckDB refuse, nothing was stored; should storage refuse, the
 * DuckDB transaction rolls back and nothing changed; should the engine die after storing, the
 * record stays and the restarted engine loads it with the rest (storage is what counts).
 */
export function acceptStaged(
  engine: Engine,
  store: SubmissionStore,
  pq: ParquetWasm,
  file: {
    fileName: string;
    checksum: string;
    at: string;
    id: string;
    /** The staged rows already encoded (the intake worker does it off the page's thread). */
    parquet?: Uint8Array;
  },
  dataset: Dataset = observationsDataset,
): Promise<SubmissionMeta> {
  return exclusive(engine, async () => {
    const [summary] = await timeStep("accept:summary", () =>
      engine.query(stagedSummarySql(dataset)),
    );
    const parquet =
      file.parquet ??
      arrowIpcToParquet(
        pq,
        await engine.queryArrowIpc(`SELECT ${dataset.columns.join(", ")} FROM ${dataset.staged}`),
      );
    const record: NewSubmission = {
      id: file.id,
      kind: dataset.kind,
      fileName: file.fileName,
      checksum: file.checksum,
      acceptedAt: file.at,
      rows: Number(summary?.rows ?? 0),
      indicators: (summary?.indicators as string[] | undefined) ?? [],
      periods: (summary?.periods as string[] | undefined) ?? [],
      status: "active",
    };
    // The number storage will most likely give it; storage decides (another tab may take it).
    const expectedSeq = seqFor(record, await timeStep("accept:list", () => store.list()));
    const stored: SubmissionMeta[] = [];
    try {
      await timeStep("accept:transaction", () =>
        inTransaction(engine, async () => {
          await timeStep("accept:insert", async () => {
            await engine.query(acceptStagedSql(dataset), [expectedSeq]);
            for (const sql of applyStagedSql(dataset)) await engine.exec(sql);
          });
          const meta = await timeStep("accept:store", () => store.add(record, parquet));
          stored.push(meta);
          if (meta.seq !== expectedSeq)
            await engine.query(
              `UPDATE ${dataset.submitted} SET submission_seq = ? WHERE submission_seq = ?`,
              [meta.seq, expectedSeq],
            );
        }),
      );
    } catch (error) {
      if (!(error instanceof EngineCrashedError))
        for (const meta of stored) await store.remove(meta.id).catch(() => undefined);
      throw error;
    }
    await timeStep("accept:drop-staged", () =>
      engine.exec(`DROP TABLE IF EXISTS ${dataset.staged}`),
    );
    const [meta] = stored;
    if (!meta) throw new Error("accepted without a stored record");
    return meta;
  });
}

/** Undoes a submission: its values give way to the previous submission or the published data. History stays. */
export function undoSubmission(
  engine: Engine,
  store: SubmissionStore,
  meta: SubmissionMeta,
  at: string,
): Promise<void> {
  return exclusive(engine, async () => {
    const dataset = datasetOf(meta);
    await store.setStatus(meta.id, "undone", at);
    await inTransaction(engine, async () => {
      await engine.query(`DELETE FROM ${dataset.submitted} WHERE submission_seq = ?`, [meta.seq]);
      await engine.exec(rebuildSql(dataset));
    });
  });
}

/**
 * Redoes an undone submission: its stored rows go back under their own number, so a submission
 * accepted after it still wins where both cover the same indicator-period, and the record is
 * active again. The stored data are read and checked before anything changes (a damaged record
 * changes nothing); the record is marked active inside the DuckDB transaction, as acceptStaged
 * stores inside it, so should storage refuse, the rows roll back, and should DuckDB refuse after
 * storage, the record is marked undone again. Nothing is deleted but this submission's own rows.
 */
export function redoSubmission(
  engine: Engine,
  store: SubmissionStore,
  pq: ParquetWasm,
  meta: SubmissionMeta,
  at: string,
): Promise<void> {
  return exclusive(engine, async () => {
    const current = (await store.list()).find((m) => m.id === meta.id);
    if (!current) throw new Error(`no submission ${meta.id}`);
    if (current.status === "active") return;
    const dataset = datasetOf(current);
    const table = `redo_${dataset.kind}_${++restoreTables}`;
    const raw = `${table}_raw`;
    let marked = false;
    try {
      const ipc = parquetToArrowIpc(pq, await readVerified(store, current));
      await engine.insertArrowIpc(raw, ipc);
      await engine.exec(restoreTableSql(dataset, table, raw, current.seq));
      await inTransaction(engine, async () => {
        // Its number's rows, if any were left, are replaced rather than doubled.
        await engine.query(`DELETE FROM ${dataset.submitted} WHERE submission_seq = ?`, [
          current.seq,
        ]);
        await engine.exec(`INSERT INTO ${dataset.submitted} SELECT * FROM ${table}`);
        await engine.exec(rebuildSql(dataset));
        await store.setStatus(current.id, "active", at);
        marked = true;
      });
    } catch (error) {
      if (marked && !(error instanceof EngineCrashedError))
        await store.setStatus(current.id, "undone", current.undoneAt ?? at).catch(() => undefined);
      throw error;
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${raw}`).catch(() => undefined);
      await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
  });
}

/**
 * Deletes a stored submission for good (a damaged record the officer clears away); if its rows
 * were loaded they go too. Only the record goes: the rest of the history stays.
 */
export function removeSubmission(
  engine: Engine,
  store: SubmissionStore,
  meta: SubmissionMeta,
): Promise<void> {
  return exclusive(engine, async () => {
    const dataset = datasetOf(meta);
    await store.remove(meta.id);
    await inTransaction(engine, async () => {
      await engine.query(`DELETE FROM ${dataset.submitted} WHERE submission_seq = ?`, [meta.seq]);
      await engine.exec(rebuildSql(dataset));
    });
  });
}

export async function dropStaged(engine: Engine): Promise<void> {
  for (const dataset of Object.values(datasets))
    await engine.exec(`DROP TABLE IF EXISTS ${dataset.staged}`);
}
