import * as arrow from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import {
  exportObservationsParquet,
  loadObservations,
  observationsToColumns,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { createMemoryStore } from "../../src/lib/submissions/memory-store";
import { StorageError, type SubmissionStore } from "../../src/lib/submissions/submission";
import {
  acceptedFingerprint,
  acceptStaged,
  DamagedRecordError,
  loadBase,
  redoSubmission,
  restoreSubmissions,
  stage,
  undoSubmission,
} from "../../src/lib/submissions/submission-service";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
const indicator = "children-in-alternatives";
let base: Uint8Array;
let engine: Engine;

const at = (n: number) => `2026-02-0${n}T00:00:00.000Z`;

async function accept(store: SubmissionStore, id: string, body: string) {
  const text = new TextEncoder().encode(`indicator_id,period,value,sex\n${body}`);
  const result = await inspectFile(catalog, `${id}.csv`, text);
  expect(result.errors).toBe(0);
  await stage(engine, columnsToIpc(arrow, observationsToColumns(result.observations)));
  return acceptStaged(engine, store, nodeParquet, {
    fileName: `${id}.csv`,
    checksum: id,
    at: at(1),
    id,
  });
}
async function value(e: Engine, period: string, sex: string | null = null) {
  const rows = await e.query(
    "SELECT value FROM observations WHERE indicator_id = ? AND period = ? AND sex IS NOT DISTINCT FROM ?::VARCHAR AND population_group IS NULL",
    [indicator, period, sex],
  );
  return rows.length === 0 ? "absent" : rows[0]?.value;
}
const statuses = async (store: SubmissionStore) =>
  (await store.list()).map((m) => [m.id, m.status, m.undoneAt ?? null]);

beforeAll(async () => {
  const builder = await startNodeEngine();
  await loadObservations(builder, await collectObservations(["real"]));
  base = await exportObservationsParquet(builder, nodeParquet);
  await builder.close();
});

describe("redo an undone submission", () => {
  let store: SubmissionStore;
  beforeAll(async () => {
    engine = await startNodeEngine();
    await loadBase(engine, nodeParquet, base);
    store = createMemoryStore();
  });
  afterAll(async () => engine.close());

  it("brings the undone values back, the record active again, as before the undo", async () => {
    await accept(store, "first", `${indicator},2026-Q1,640,\n${indicator},2026-Q1,300,female\n`);
    const revision = await accept(store, "revision", `${indicator},2026-Q1,655,\n`);
    const beforeUndo = await acceptedFingerprint(engine);
    await undoSubmission(engine, store, revision, at(2));
    expect(await value(engine, "2026-Q1")).toBe(640);

    await redoSubmission(engine, store, nodeParquet, revision, at(3));
    expect(await value(engine, "2026-Q1")).toBe(655);
    expect(await statuses(store)).toEqual([
      ["first", "active", null],
      ["revision", "active", null],
    ]);
    expect(await acceptedFingerprint(engine)).toEqual(beforeUndo);
    // The same state comes back in a fresh engine from the store alone.
    const fresh = await startNodeEngine();
    try {
      await loadBase(fresh, nodeParquet, base);
      expect(await restoreSubmissions(fresh, store, nodeParquet)).toEqual({
        restored: 2,
        failed: [],
      });
      expect(await acceptedFingerprint(fresh)).toEqual(beforeUndo);
    } finally {
      await fresh.close();
    }
  });

  it("redone twice changes nothing more: no row is doubled", async () => {
    const [, revision] = await store.list();
    if (!revision) throw new Error("no revision");
    const before = await acceptedFingerprint(engine);
    await redoSubmission(engine, store, nodeParquet, revision, at(4));
    expect(await acceptedFingerprint(engine)).toEqual(before);
  });

  it("keeps its place in the order: a submission accepted after it still wins", async () => {
    const [, revision] = await store.list();
    if (!revision) throw new Error("no revision");
    await undoSubmission(engine, store, revision, at(5));
    const later = await accept(store, "later", `${indicator},2026-Q1,700,\n`);
    await redoSubmission(engine, store, nodeParquet, revision, at(6));
    expect(await value(engine, "2026-Q1")).toBe(700);
    // Undoing the later one shows the redone revision, not the first file: its total, and none of
    // the first file's breakdowns (a revision replaces its indicator-period whole).
    await undoSubmission(engine, store, later, at(7));
    expect(await value(engine, "2026-Q1")).toBe(655);
    expect(await value(engine, "2026-Q1", "female")).toBe("absent");
  });
});

describe("redo that cannot complete changes nothing", () => {
  beforeAll(async () => {
    engine = await startNodeEngine();
    await loadBase(engine, nodeParquet, base);
  });
  afterAll(async () => engine.close());

  it("refuses a damaged record before touching the data", async () => {
    const store = createMemoryStore();
    const revision = await accept(store, "damaged", `${indicator},2026-Q2,500,\n`);
    await undoSubmission(engine, store, revision, at(2));
    const before = await acceptedFingerprint(engine);
    const damaged: SubmissionStore = {
      ...store,
      read: async (id) => {
        const bytes = (await store.read(id)).slice();
        const middle = bytes.length >> 1;
        bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
        return bytes;
      },
    };
    await expect(redoSubmission(engine, damaged, nodeParquet, revision, at(3))).rejects.toThrow(
      DamagedRecordError,
    );
    expect(await acceptedFingerprint(engine)).toEqual(before);
    expect(await statuses(store)).toEqual([["damaged", "undone", at(2)]]);
  });

  it("rolls the rows back when storage refuses to mark the record active", async () => {
    const store = createMemoryStore();
    const revision = await accept(store, "refused", `${indicator},2026-Q3,510,\n`);
    await undoSubmission(engine, store, revision, at(2));
    const before = await acceptedFingerprint(engine);
    const full: SubmissionStore = {
      ...store,
      setStatus: async () => {
        throw new StorageError("quota exceeded", "quota");
      },
    };
    await expect(redoSubmission(engine, full, nodeParquet, revision, at(3))).rejects.toThrow(
      StorageError,
    );
    expect(await value(engine, "2026-Q3")).toBe("absent");
    expect(await acceptedFingerprint(engine)).toEqual(before);
    expect(await statuses(store)).toEqual([["refused", "undone", at(2)]]);
  });
});
