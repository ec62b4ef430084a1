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
import { arrowIpcToParquet } from "../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { createMemoryStore } from "../../src/lib/submissions/memory-store";
import { StorageError, type SubmissionStore } from "../../src/lib/submissions/submission";
import {
  acceptStaged,
  diffStaged,
  findAccepted,
  loadBase,
  restoreSubmissions,
  stage,
  undoSubmission,
} from "../../src/lib/submissions/submission-service";
import { rebuildSql } from "../../src/lib/submissions/submission-sql";
import { observationsDataset } from "../../src/lib/tables/table-descriptors";
import { projectCatalog } from "../helpers/catalog";
import { asDiffRow, referenceDiff } from "../helpers/reference-diff";

const catalog = projectCatalog();
let engine: Engine;
let base: Uint8Array;

const csv = (body: string) => new TextEncoder().encode(`indicator_id,period,value,sex\n${body}`);
async function stageText(text: Uint8Array) {
  const result = await inspectFile(catalog, "q.csv", text);
  expect(result.errors).toBe(0);
  await stage(engine, columnsToIpc(arrow, observationsToColumns(result.observations)));
}
const value = async (e: Engine, id: string, period: string, sex: string | null = null) => {
  const rows = await e.query(
    `SELECT value FROM observations WHERE indicator_id = ? AND period = ? AND sex IS NOT DISTINCT FROM ?::VARCHAR AND geography IS NULL AND age_group IS NULL AND department IS NULL`,
    [id, period, sex],
  );
  return rows.length === 0 ? "absent" : rows[0]?.value;
};
const at = (n: number) => `2026-01-0${n}T00:00:00.000Z`;

// The revisions below restate the demo's returnees quarters, so the demo is loaded explicitly.
beforeAll(async () => {
  const builder = await startNodeEngine();
  await loadObservations(builder, await collectObservations(["real", "demo"]));
  base = await exportObservationsParquet(builder, nodeParquet);
  await builder.close();
  engine = await startNodeEngine();
  await loadBase(engine, nodeParquet, base);
});
afterAll(async () => engine.close());

describe("submissions: accept whole, revise with a diff, undo, restore", () => {
  const store: SubmissionStore = createMemoryStore();

  it("shows what a new quarter adds, then accepts it", async () => {
    await stageText(
      csv("returnees-received,2026-Q1,9000,\nreturnees-received,2026-Q1,2100,female\n"),
    );
    const diff = await diffStaged(engine);
    expect([diff.added, diff.changed, diff.removed]).toEqual([2, 0, 0]);
    const meta = await acceptStaged(engine, store, nodeParquet, {
      fileName: "q1.csv",
      checksum: "aaa",
      at: at(1),
      id: "s1",
    });
    expect(meta).toMatchObject({
      seq: 1,
      rows: 2,
      indicators: ["returnees-received"],
      periods: ["2026-Q1"],
      status: "active",
    });
    expect(await value(engine, "returnees-received", "2026-Q1")).toBe(9000);
    expect((await findAccepted(store, "aaa"))?.id).toBe("s1");
  });

  it("shows a revision's diff (changed old → new, removed) before accepting it", async () => {
    await stageText(csv("returnees-received,2026-Q1,9100,\nreturnees-received,2025-Q4,7700,\n"));
    const diff = await diffStaged(engine);
    // A submission restates each indicator-period it covers: the 2025-Q4 breakdowns (sex, age,
    // origin: 7 rows; department: 18) and the 2026-Q1 women's figure are not in the revision, so
    // they go.
    expect([diff.added, diff.changed, diff.removed]).toEqual([0, 2, 26]);
    const changed = diff.sample
      .filter((r) => r.kind === "changed")
      .map((r) => [r.key.period, r.old_value, r.new_value]);
    expect(changed).toContainEqual(["2026-Q1", 9000, 9100]);
    expect(
      diff.sample.find((r) => r.kind === "removed" && r.key.period === "2026-Q1"),
    ).toMatchObject({
      key: { indicator_id: "returnees-received", period: "2026-Q1", sex: "female" },
      old_value: 2100,
    });
    await acceptStaged(engine, store, nodeParquet, {
      fileName: "q1-rev.csv",
      checksum: "bbb",
      at: at(2),
      id: "s2",
    });
    expect(await value(engine, "returnees-received", "2026-Q1")).toBe(9100);
    expect(await value(engine, "returnees-received", "2026-Q1", "female")).toBe("absent");
    expect(await value(engine, "returnees-received", "2025-Q4")).toBe(7700);
  });

  it("after each accept holds exactly the rows a full rebuild would", async () => {
    // Accepting changes only the scopes the file covers; a rebuild from scratch must agree.
    await engine.exec("CREATE OR REPLACE TEMP TABLE after_accept AS SELECT * FROM observations");
    await engine.exec(rebuildSql(observationsDataset));
    const differing = await engine.query(
      "SELECT count(*) AS n FROM ((SELECT * FROM after_accept EXCEPT ALL SELECT * FROM observations) UNION ALL (SELECT * FROM observations EXCEPT ALL SELECT * FROM after_accept))",
    );
    const [{ n: rows } = { n: 0 }] = await engine.query("SELECT count(*) AS n FROM after_accept");
    expect(Number(rows)).toBeGreaterThan(1000);
    expect(Number(differing[0]?.n)).toBe(0);
  });

  it("stores the intake worker's own Parquet of the staged rows as is, and restores it", async () => {
    const own = createMemoryStore();
    const result = await inspectFile(
      catalog,
      "own.csv",
      csv("returnees-received,2026-Q2,9200,\nreturnees-received,2026-Q2,2300,female\n"),
    );
    const ipc = columnsToIpc(arrow, observationsToColumns(result.observations));
    const first = await startNodeEngine();
    const fresh = await startNodeEngine();
    try {
      await loadBase(first, nodeParquet, base);
      await stage(first, ipc);
      const meta = await acceptStaged(first, own, nodeParquet, {
        fileName: "own.csv",
        checksum: "own",
        at: at(9),
        id: "own",
        parquet: arrowIpcToParquet(nodeParquet, ipc),
      });
      expect(meta.rows).toBe(2);
      expect(await value(first, "returnees-received", "2026-Q2", "female")).toBe(2300);
      await loadBase(fresh, nodeParquet, base);
      expect(await restoreSubmissions(fresh, own, nodeParquet)).toEqual({
        restored: 1,
        failed: [],
      });
      expect(await value(fresh, "returnees-received", "2026-Q2", "female")).toBe(2300);
    } finally {
      await first.close();
      await fresh.close();
    }
  });

  it("gives the diff a full outer join gives, cut to any limit", async () => {
    // Adds, changes and removals at once, with totals (NULL breakdowns) and breakdowns.
    await stageText(
      csv(
        "returnees-received,2026-Q1,9200,\nreturnees-received,2026-Q1,2200,male\nreturnees-received,2025-Q3,123,\nreturnees-received,2026-Q2,1,\nreturnees-received,2026-Q2,2,female\n",
      ),
    );
    const d = observationsDataset;
    // The reference: every key of the staged rows and of the rows in effect in their scopes.
    const reference = await referenceDiff(engine, d);
    const count = (kind: string) => reference.filter((r) => r.kind === kind).length;
    expect([count("added"), count("changed"), count("removed")].every((n) => n > 0)).toBe(true);
    expect(reference.length).toBeGreaterThan(5);
    for (const limit of [1, 3, 5, 1000]) {
      const diff = await diffStaged(engine, limit);
      expect([diff.added, diff.changed, diff.removed]).toEqual([
        count("added"),
        count("changed"),
        count("removed"),
      ]);
      expect(diff.sample).toEqual(reference.slice(0, limit).map(asDiffRow(d)));
    }
  });

  it("undoes the revision: the previous submission and the published data come back", async () => {
    const [, revision] = await store.list();
    if (!revision) throw new Error("no revision");
    const published = (await collectObservations(["real", "demo"])).find(
      (o) =>
        o.indicator_id === "returnees-received" &&
        o.period === "2025-Q4" &&
        Object.keys(o.dimensions).length === 0,
    );
    await undoSubmission(engine, store, revision, at(3));
    expect(await value(engine, "returnees-received", "2026-Q1")).toBe(9000);
    expect(await value(engine, "returnees-received", "2026-Q1", "female")).toBe(2100);
    expect(await value(engine, "returnees-received", "2025-Q4")).toBe(published?.value);
    expect((await store.list()).map((m) => [m.id, m.status])).toEqual([
      ["s1", "active"],
      ["s2", "undone"],
    ]);
  });

  it("restores the same state in a fresh engine from the store alone", async () => {
    const fresh = await startNodeEngine();
    try {
      await loadBase(fresh, nodeParquet, base);
      const report = await restoreSubmissions(fresh, store, nodeParquet);
      expect(report).toEqual({ restored: 1, failed: [] });
      expect(await value(fresh, "returnees-received", "2026-Q1")).toBe(9000);
      const [a] = await engine.query("SELECT count(*) AS n, sum(value) AS s FROM observations");
      const [b] = await fresh.query("SELECT count(*) AS n, sum(value) AS s FROM observations");
      expect(b).toEqual(a);
    } finally {
      await fresh.close();
    }
  });

  it("changes nothing when storage refuses the write", async () => {
    const full: SubmissionStore = {
      ...store,
      add: async () => {
        throw new StorageError("quota exceeded", "quota");
      },
    };
    const [before] = await engine.query("SELECT count(*) AS n, sum(value) AS s FROM observations");
    await stageText(csv("children-in-detention,2026-Q1,500,\n"));
    await expect(
      acceptStaged(engine, full, nodeParquet, {
        fileName: "x.csv",
        checksum: "ccc",
        at: at(4),
        id: "s3",
      }),
    ).rejects.toThrow("quota exceeded");
    const [after] = await engine.query("SELECT count(*) AS n, sum(value) AS s FROM observations");
    expect(after).toEqual(before);
    expect((await store.list()).map((m) => m.id)).toEqual(["s1", "s2"]);
  });

  it("skips a submission whose stored bytes are broken and says which", async () => {
    const broken: SubmissionStore = { ...store, read: async () => new Uint8Array([1, 2, 3]) };
    const fresh = await startNodeEngine();
    try {
      await loadBase(fresh, nodeParquet, base);
      const report = await restoreSubmissions(fresh, broken, nodeParquet);
      expect(report.restored).toBe(0);
      expect(report.failed.map((f) => f.fileName)).toEqual(["q1.csv"]);
    } finally {
      await fresh.close();
    }
  });
});
