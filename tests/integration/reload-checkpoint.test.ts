import * as arrow from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateObservationsCsv } from "../../scripts/lib/generate-observations";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import {
  exportObservationsParquet,
  loadObservations,
  observationsToIpc,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { createMemoryStore } from "../../src/lib/submissions/memory-store";
import { reloadSubmissions } from "../../src/lib/submissions/reload-submissions";
import {
  acceptStaged,
  loadBase,
  restoreSubmissions,
  stage,
} from "../../src/lib/submissions/submission-service";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
const store = createMemoryStore();
let engine: Engine;

/** A schedule the test runs by hand: the idle moments it was asked for. */
function manualSchedule() {
  const waiting: (() => void)[] = [];
  return { waiting, schedule: (work: () => void) => void waiting.push(work) };
}

const settle = () => new Promise((done) => setTimeout(done, 300));

async function duckDbMegabytes(): Promise<number> {
  const [row] = await engine.query(
    "SELECT sum(memory_usage_bytes) / 1048576 AS mb FROM duckdb_memory()",
  );
  return Number(row?.mb);
}

beforeAll(async () => {
  const builder = await startNodeEngine();
  await loadObservations(builder, await collectObservations(["real"]));
  const base = await exportObservationsParquet(builder, nodeParquet);
  await builder.close();
  engine = await startNodeEngine();
  await loadBase(engine, nodeParquet, base);
  const file = await inspectFile(
    catalog,
    "q.csv",
    new TextEncoder().encode(generateObservationsCsv(100_000, 7)),
  );
  expect(file.errors).toBe(0);
  await stage(engine, observationsToIpc(arrow, file.observations));
  await acceptStaged(engine, store, nodeParquet, {
    fileName: "q.csv",
    checksum: "c1",
    at: "2026-12-01T00:00:00.000Z",
    id: "s1",
  });
}, 120_000);
afterAll(async () => engine.close());

describe("reloading the stored submissions (another tab, a restored backup)", () => {
  it("gives what restoring gives, and asks for one checkpoint when the page is idle", async () => {
    const { waiting, schedule } = manualSchedule();
    const report = await reloadSubmissions(engine, store, nodeParquet, schedule);
    expect(report).toEqual({ restored: 1, failed: [] });
    expect(waiting).toHaveLength(1);
    waiting[0]?.();
    await settle();
    // Once it has run, the next reload asks again.
    await reloadSubmissions(engine, store, nodeParquet, schedule);
    expect(waiting).toHaveLength(2);
    waiting[1]?.();
    await settle();
  });

  it("gives back the memory of the rows each reload deleted", async () => {
    const start = await duckDbMegabytes();
    // Without the checkpoint, the deleted rows' memory stays.
    for (let i = 0; i < 3; i++) await restoreSubmissions(engine, store, nodeParquet);
    const piled = await duckDbMegabytes();
    expect(piled).toBeGreaterThan(start + 5);

    const { waiting, schedule } = manualSchedule();
    await reloadSubmissions(engine, store, nodeParquet, schedule);
    waiting[0]?.();
    await settle();
    expect(await duckDbMegabytes()).toBeLessThanOrEqual(start + 1);
  });
});
