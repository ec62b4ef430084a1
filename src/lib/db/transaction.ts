import type { Engine } from "./engine";

/** Runs statements as one DuckDB transaction: all of them take effect, or none. */
export async function inTransaction(engine: Engine, work: () => Promise<void>): Promise<void> {
  await engine.exec("BEGIN TRANSACTION");
  try {
    await work();
    await engine.exec("COMMIT");
  } catch (error) {
    // A failed rollback (the engine died) must not hide why the work failed.
    await engine.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
