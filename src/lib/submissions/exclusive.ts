import type { Engine } from "../db/engine";

const queues = new WeakMap<Engine, Promise<unknown>>();

/**
 * Runs work that changes accepted data one at a time per engine, so accepting, undoing and
 * reloading (another tab changed the store) never interleave their statements, nor the engine's
 * warm-up with a transaction.
 */
export function exclusive<T>(engine: Engine, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(engine) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(engine, next);
  return next;
}
