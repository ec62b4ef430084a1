import type { Engine } from "../../src/lib/db/engine";
import { exclusive } from "../../src/lib/submissions/exclusive";

/**
 * Holds the engine's turn for changes of accepted data, as an accept under way would, until
 * `release()`; `done` settles once the turn is given back.
 */
export function changeUnderWay(engine: Engine): { release: () => void; done: Promise<void> } {
  let release = () => {};
  const done = exclusive(engine, () => new Promise<void>((resolve) => (release = resolve)));
  return { release: () => release(), done };
}

/** "held" if `work` has not settled `ms` after the call, else "settled". */
export function heldFor(work: Promise<unknown>, ms: number): Promise<"held" | "settled"> {
  const held = new Promise<"held">((done) => setTimeout(() => done("held"), ms));
  return Promise.race([work.then(() => "settled" as const), held]);
}
