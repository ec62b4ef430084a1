import type { Engine } from "../db/engine";
import type { ParquetWasm } from "../parquet/parquet-codec";
import { whenIdle } from "../when-idle";
import { checkpointAfterChange, type Schedule } from "./idle-checkpoint";
import type { SubmissionStore } from "./submission";
import { type RestoreReport, restoreSubmissions } from "./submission-service";

/**
 * Lays the stored submissions over the published data again (another tab changed them, a backup
 * was restored, a damaged record was removed), then checkpoints once the page is idle, as after
 * accepting: a reload deletes every submitted row and inserts them again, and without a
 * checkpoint DuckDB keeps the deleted rows' memory until the changes pass the engine's high
 * threshold (measured in Node: 200,000 rows reloaded eight times grew DuckDB's memory from 9 to
 * 84 MB; with a checkpoint after each, it stayed at 2 MB), and then checkpoints inside whatever
 * change comes next, an accept perhaps.
 */
export async function reloadSubmissions(
  engine: Engine,
  store: SubmissionStore,
  pq: ParquetWasm,
  schedule: Schedule = whenIdle,
): Promise<RestoreReport> {
  const report = await restoreSubmissions(engine, store, pq);
  const active = (await store.list()).filter((m) => m.status === "active");
  checkpointAfterChange(
    engine,
    active.reduce((rows, m) => rows + m.rows, 0),
    schedule,
  );
  return report;
}
