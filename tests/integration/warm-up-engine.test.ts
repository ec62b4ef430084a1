import * as arrow from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import type { Observation } from "../../src/lib/observations/columns";
import {
  exportObservationsParquet,
  loadObservations,
  observationsToIpc,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { checkStagedPlausibility } from "../../src/lib/plausibility/check-staged";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { exclusive } from "../../src/lib/submissions/exclusive";
import { diffStaged, loadBase, stage } from "../../src/lib/submissions/submission-service";
import {
  startWarmUp,
  warmUpBeforeCheck,
  warmUpEngine,
  warmUpObservations,
  warmUpPasses,
} from "../../src/lib/submissions/warm-up-engine";
import { observationsDataset } from "../../src/lib/tables/table-descriptors";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
let base: Uint8Array;

beforeAll(async () => {
  const builder = await startNodeEngine();
  await loadObservations(builder, await collectObservations(["real"]));
  base = await exportObservationsParquet(builder, nodeParquet);
  await builder.close();
});

/** An engine as the Data page has it: the published data loaded, nothing staged. */
async function pageEngine(): Promise<Engine> {
  const engine = await startNodeEngine();
  await loadBase(engine, nodeParquet, base);
  return engine;
}

/** What a warm-up must leave as it found it: every table and view, and every accepted row. */
async function held(engine: Engine) {
  return {
    tables: await engine.query(
      "SELECT table_name, table_type FROM information_schema.tables ORDER BY ALL",
    ),
    observations: await engine.query("SELECT * FROM observations ORDER BY ALL"),
  };
}

/** The engine with each call's statement (or method) written down. */
function recorded(engine: Engine): { engine: Engine; calls: string[] } {
  const calls: string[] = [];
  const note =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls.push(typeof args[0] === "string" && name !== "insertArrowIpc" ? args[0] : name);
      return call(...args);
    };
  return {
    calls,
    engine: {
      query: note("query", engine.query.bind(engine)),
      exec: note("exec", engine.exec.bind(engine)),
      queryArrowIpc: note("queryArrowIpc", engine.queryArrowIpc.bind(engine)),
      insertColumns: note("insertColumns", engine.insertColumns.bind(engine)),
      insertArrowIpc: note("insertArrowIpc", engine.insertArrowIpc.bind(engine)),
      registerFile: note("registerFile", engine.registerFile.bind(engine)),
      dropFile: note("dropFile", engine.dropFile.bind(engine)),
      version: () => engine.version(),
      close: () => engine.close(),
    },
  };
}

/** An officer's file, unlike the warm-up's rows: the same series at other levels, some jumping. */
const file: Observation[] = warmUpObservations(catalog)
  .slice(0, 400)
  .map((o, i) => ({ ...o, value: (o.value ?? 0) * (i % 37 === 5 ? 9 : 2) + 1 }));

/** A file's rows staged, diffed and checked as the Data page does. */
async function checkRows(engine: Engine, rows: readonly Observation[]) {
  await stage(engine, observationsToIpc(arrow, rows), observationsDataset);
  const diff = await diffStaged(engine);
  const findings = await checkStagedPlausibility(
    engine,
    observationsDataset.staged,
    Int32Array.from(rows, (o) => o.row ?? 0),
    catalog,
    "q.csv",
  );
  return { diff, findings };
}

describe("the engine's warm-up while the Data page waits for a file", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await pageEngine();
  });
  afterAll(async () => engine.close());

  it("gives every series check rows to flag", async () => {
    const rows = warmUpObservations(catalog);
    expect(rows.length).toBeGreaterThan(1000);
    const scratch = await pageEngine();
    const { findings } = await checkRows(scratch, rows);
    await scratch.close();
    const codes = new Set(findings.map((f) => f.code));
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(["seasonal_outlier", "subgroup_exceeds_total", "unusual_jump"]),
    );
  });

  it("leaves every table, view and accepted row as it found them", async () => {
    const before = await held(engine);
    const { engine: watched, calls } = recorded(engine);
    await warmUpEngine(watched, catalog);
    expect(calls).toContain("insertArrowIpc");
    expect(calls.length).toBeGreaterThan(10);
    expect(await held(engine)).toEqual(before);
  });

  it("stopped between any two statements, stops there and drops what it made", async () => {
    const before = await held(engine);
    // Two passes: every statement of one, and the step from one pass to the next.
    const passes = 2;
    const { engine: counted, calls: all } = recorded(engine);
    await warmUpEngine(counted, catalog, undefined, passes);
    const work = all.filter((call) => !call.startsWith("DROP"));
    expect(work.length).toBeGreaterThan(20);
    for (let after = 0; after < work.length; after++) {
      const { engine: watched, calls } = recorded(engine);
      let asked = 0;
      await warmUpEngine(watched, catalog, () => asked++ >= after, passes);
      // The statements before it stopped, and after them only drops.
      expect(calls.filter((call) => !call.startsWith("DROP"))).toEqual(work.slice(0, after));
      expect(await held(engine)).toEqual(before);
    }
  });

  it("changes no finding or diff of the file checked after it", async () => {
    const cold = await pageEngine();
    const without = await checkRows(cold, file);
    await cold.close();
    const warm = await pageEngine();
    await warmUpEngine(warm, catalog);
    const after = await checkRows(warm, file);
    await warm.close();
    expect(without.findings.length).toBeGreaterThan(0);
    expect(without.diff.added).toBeGreaterThan(0);
    expect(after).toEqual(without);
  });
});

describe("starting and stopping the warm-up", () => {
  it("starts no warm-up once a check has begun", async () => {
    const { engine, calls } = recorded(await pageEngine());
    await warmUpBeforeCheck(engine);
    startWarmUp(engine, catalog);
    await exclusive(engine, async () => undefined);
    expect(calls).toEqual([]);
    await engine.close();
  });

  it("stops at once when a check begins, leaving the engine as it was", async () => {
    const page = await pageEngine();
    const before = await held(page);
    const { engine, calls } = recorded(page);
    startWarmUp(engine, catalog);
    await warmUpBeforeCheck(engine);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((sql) => sql.startsWith("DROP"))).toBe(true);
    expect(await held(page)).toEqual(before);
    await page.close();
  });

  it("runs once per engine, and after an accept that was already queued", async () => {
    const page = await pageEngine();
    const { engine, calls } = recorded(page);
    const order: string[] = [];
    const accepting = exclusive(engine, async () => {
      order.push(`accept began after ${calls.length} calls`);
    });
    startWarmUp(engine, catalog);
    startWarmUp(engine, catalog);
    await accepting;
    await exclusive(engine, async () => undefined);
    expect(order).toEqual(["accept began after 0 calls"]);
    expect(calls.filter((c) => c === "insertArrowIpc")).toHaveLength(warmUpPasses);
    await page.close();
  });
});
