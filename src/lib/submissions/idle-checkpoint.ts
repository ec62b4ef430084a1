import type { Engine } from "../db/engine";
import { timeStep } from "../step-timing";
import { whenIdle } from "../when-idle";
import { exclusive } from "./exclusive";

export type Schedule = (work: () => void, timeoutMs: number) => unknown;

const pending = new WeakSet<Engine>();

/**
 * At the latest this long after a change, even on a page that stays busy: a next file's check
 * reaches the engine only after the intake worker is done with it (about 1 s for 100,000 rows),
 * and by then the checkpoint should be over, not waited for.
 */
const latestMs = 500;

/**
 * From this many rows, DuckDB writes a change's rows to row groups as it goes (optimistic
 * writes) and no checkpoint follows its commit. Measured in Node, accepting with the default
 * threshold: the commit checkpointed at 100,000 and 250,000 rows, not at 375,000, 500,000 or
 * 1,000,000. A checkpoint after accepting 1,000,000 rows took 2.7–3.1 s: work DuckDB never
 * asked for, which would hold up whatever the officer does next, so none is made.
 */
export const checkpointedBelowRows = 375_000;

/**
 * After a change of accepted data (`rows`, the submission's), checkpoints the engine once the
 * page is idle: DuckDB then vacuums what the change deleted and settles what it added, work it
 * would otherwise do on that change's commit, inside the officer's wait (the engine starts with a
 * high `checkpoint_threshold`). It takes its turn with changes of accepted data (`exclusive`), so
 * it never lands inside a transaction; changes that come while one is pending share it. A failed
 * checkpoint only means memory is reclaimed later.
 */
export function checkpointAfterChange(
  engine: Engine,
  rows: number,
  schedule: Schedule = whenIdle,
): void {
  if (rows >= checkpointedBelowRows || pending.has(engine)) return;
  pending.add(engine);
  schedule(() => {
    void exclusive(engine, async () => {
      pending.delete(engine);
      await timeStep("engine:checkpoint", () => engine.exec("CHECKPOINT"));
    }).catch((error: unknown) =>
      console.warn(
        "GCM Monitor: the engine's checkpoint failed; memory is reclaimed later.",
        error,
      ),
    );
  }, latestMs);
}
