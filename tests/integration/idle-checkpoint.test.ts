import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import {
  checkpointAfterChange,
  checkpointedBelowRows,
} from "../../src/lib/submissions/idle-checkpoint";
import { changeUnderWay } from "../helpers/change-under-way";

let engine: Engine;
beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => engine.close());

/** The engine, recording the statements it runs. */
function recording(inner: Engine): { engine: Engine; ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    engine: {
      ...inner,
      exec: async (sql) => {
        ran.push(sql);
        await inner.exec(sql);
      },
    },
  };
}

/** A schedule the test runs by hand: the idle moments it was asked for. */
function manualSchedule() {
  const waiting: (() => void)[] = [];
  return { waiting, schedule: (work: () => void) => void waiting.push(work) };
}

const settle = () => new Promise((done) => setTimeout(done, 300));

describe("checkpoints when the page is idle", () => {
  it("starts every engine with a threshold above one accepted file's changes", async () => {
    const [row] = await engine.query("SELECT current_setting('checkpoint_threshold') AS v");
    expect(row?.v).toBe("256.0 MiB");
  });

  it("checkpoints once for changes that come while one is pending, after a change under way", async () => {
    const { engine: watched, ran } = recording(engine);
    const { waiting, schedule } = manualSchedule();
    checkpointAfterChange(watched, 100_000, schedule);
    checkpointAfterChange(watched, 100_000, schedule);
    expect(waiting).toHaveLength(1);

    const change = changeUnderWay(watched);
    waiting[0]?.();
    await settle();
    expect(ran).toEqual([]);
    change.release();
    await change.done;
    await settle();
    expect(ran).toEqual(["CHECKPOINT"]);

    // Once it has begun, the next change asks for another.
    checkpointAfterChange(watched, 100_000, schedule);
    expect(waiting).toHaveLength(2);
  });

  it("makes none after a change DuckDB wrote to row groups as it went", () => {
    const { waiting, schedule } = manualSchedule();
    checkpointAfterChange(engine, checkpointedBelowRows, schedule);
    checkpointAfterChange(engine, 1_000_000, schedule);
    expect(waiting).toEqual([]);
    checkpointAfterChange(engine, checkpointedBelowRows - 1, schedule);
    expect(waiting).toHaveLength(1);
  });

  it("reports a failed checkpoint in the console and lets the next change ask again", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const broken: Engine = {
      ...engine,
      exec: () => Promise.reject(new Error("engine closed")),
    };
    const { waiting, schedule } = manualSchedule();
    checkpointAfterChange(broken, 100_000, schedule);
    waiting[0]?.();
    await settle();
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/checkpoint failed/),
      expect.any(Error),
    );
    checkpointAfterChange(broken, 100_000, schedule);
    expect(waiting).toHaveLength(2);
    warn.mockRestore();
  });
});
