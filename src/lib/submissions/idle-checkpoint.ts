import type { Engine } from "../db/engine";
import { timeStep } from "../step-timing";
import { whenIdle } from "../when-idle";
import { exclusive } from "./exclusive";

type Schedule = (work: () => void, timeoutMs: number) => unknown;

const pending = new WeakSet<Engine>();

/**
 * At the latest this long after a change, even on a page that stays busy: a next file's check
 * reaches the engine only after the intake worker is done with it (about 1 s for 100,000 rows),
 * and by then the checkpoint should be over, not waited for.
 */
const latestMs = 500;

/**
 * After a change of accepted data, checkpoints the engine once the page is idle: DuckDB then
 * vacuums the rows the change deleted, work it would otherwise do on a later commit, inside some
 * officer's wait (the engine starts with a high `checkpoint_threshold`). It takes its turn with
 * changes of accepted data (`exclusive`), so it never lands inside a transaction; changes that
 * come while one is pending share it. A failed checkpoint only means memory is reclaimed later.
 */
export function checkpointWhenIdle(engine: Engine, schedule: Schedule = whenIdle): void {
  if (pending.has(engine)) return;
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
