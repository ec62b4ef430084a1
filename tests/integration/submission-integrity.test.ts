import * as arrow from "apache-arrow";
import fc from "fast-check";
import { unzipSync, zipSync } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import { type Engine, EngineCrashedError } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { sha256Hex } from "../../src/lib/hash/sha256";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import {
  exportObservationsParquet,
  loadObservations,
  observationsToColumns,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import {
  BackupError,
  backupManifestFile,
  createBackup,
  readBackup,
  restoreBackup,
} from "../../src/lib/submissions/backup";
import { createMemoryStore } from "../../src/lib/submissions/memory-store";
import type { StoredSubmission, SubmissionStore } from "../../src/lib/submissions/submission";
import {
  acceptedFingerprint,
  acceptStaged,
  loadBase,
  removeSubmission,
  restoreSubmissions,
  stage,
  undoSubmission,
} from "../../src/lib/submissions/submission-service";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
let base: Uint8Array;
const engines: Engine[] = [];

async function freshEngine(): Promise<Engine> {
  const engine = await startNodeEngine();
  engines.push(engine);
  await loadBase(engine, nodeParquet, base);
  return engine;
}

const csv = (body: string) => new TextEncoder().encode(`indicator_id,period,value,sex\n${body}`);
const at = (n: number) => `2026-02-0${n}T00:00:00.000Z`;

async function accept(engine: Engine, store: SubmissionStore, id: string, body: string) {
  const result = await inspectFile(catalog, `${id}.csv`, csv(body));
  expect(result.errors).toBe(0);
  await stage(engine, columnsToIpc(arrow, observationsToColumns(result.observations)));
  return acceptStaged(engine, store, nodeParquet, {
    fileName: `${id}.csv`,
    checksum: `file-${id}`,
    at: at(1),
    id,
  });
}

const value = async (e: Engine, id: string, period: string) => {
  const rows = await e.query(
    `SELECT value FROM observations WHERE indicator_id = ? AND period = ? AND sex IS NULL AND geography IS NULL AND age_group IS NULL AND population_group IS NULL`,
    [id, period],
  );
  return rows.length === 0 ? "absent" : rows[0]?.value;
};
const everything = (e: Engine) =>
  e
    .query("SELECT * EXCLUDE (time) FROM observations ORDER BY ALL")
    .then((rows) => rows.map((r) => JSON.stringify(r)));

/** s1 and s2 cover returnees 2026-Q1 (s2 wins there); s2 also covers detention; s3 is apart. */
async function threeSubmissions(records = new Map<string, StoredSubmission>()) {
  const engine = await freshEngine();
  const store = createMemoryStore(records);
  await accept(engine, store, "s1", "returnees-received,2026-Q1,9000,\n");
  await accept(
    engine,
    store,
    "s2",
    "returnees-received,2026-Q1,9100,\nchildren-in-detention,2026-Q1,500,\n",
  );
  await accept(engine, store, "s3", "trafficking-victims-identified,2026-Q1,42,\n");
  return { engine, store, records };
}

beforeAll(async () => {
  const builder = await startNodeEngine();
  await loadObservations(builder, await collectObservations());
  base = await exportObservationsParquet(builder, nodeParquet);
  await builder.close();
});
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
});
afterAll(async () => {
  for (const engine of engines.splice(0)) await engine.close();
});

describe("checksums on stored submissions", () => {
  it("stores every record with the SHA-256 of its stored data, numbered in order", async () => {
    const { store } = await threeSubmissions();
    const metas = await store.list();
    expect(metas.map((m) => [m.id, m.seq])).toEqual([
      ["s1", 1],
      ["s2", 2],
      ["s3", 3],
    ]);
    for (const meta of metas)
      expect(meta.dataSha256).toBe(await sha256Hex(await store.read(meta.id)));
  });

  it("detects a tampered record, names it, loads the previous good data and loses nothing else", async () => {
    const { engine, records } = await threeSubmissions();
    const published = await value(engine, "children-in-detention", "2026-Q1");
    expect(published).toBe(500);
    // One byte of s2's stored data changes, as a disk or a faulty copy might do.
    const s2 = records.get("s2");
    if (!s2) throw new Error("no s2");
    const tampered = s2.parquet.slice();
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0x01;
    records.set("s2", { ...s2, parquet: tampered });
    const store = createMemoryStore(records);
    const before = await store.list();

    const fresh = await freshEngine();
    const report = await restoreSubmissions(fresh, store, nodeParquet);
    expect(report.restored).toBe(2);
    expect(report.failed).toEqual([
      expect.objectContaining({ id: "s2", fileName: "s2.csv", reason: "damaged" }),
    ]);
    // Returnees 2026-Q1 fall back to s1, detention to the published data; s3 is untouched.
    expect(await value(fresh, "returnees-received", "2026-Q1")).toBe(9000);
    expect(await value(fresh, "children-in-detention", "2026-Q1")).not.toBe(500);
    expect(await value(fresh, "trafficking-victims-identified", "2026-Q1")).toBe(42);
    // The history is kept as it was.
    expect(await store.list()).toEqual(before);

    // The same as if s2 had been undone: nothing else differs.
    const reference = await freshEngine();
    const withoutS2 = createMemoryStore(
      new Map([...records].filter(([id]) => id !== "s2").map(([id, r]) => [id, { ...r }])),
    );
    await restoreSubmissions(reference, withoutS2, nodeParquet);
    expect(await everything(fresh)).toEqual(await everything(reference));
    expect(await acceptedFingerprint(fresh)).toEqual(await acceptedFingerprint(reference));
  });

  it("lets the officer remove the damaged record; the rest stays", async () => {
    const { records } = await threeSubmissions();
    const s2 = records.get("s2");
    if (!s2) throw new Error("no s2");
    records.set("s2", { ...s2, parquet: s2.parquet.slice(0, -1) });
    const store = createMemoryStore(records);
    const fresh = await freshEngine();
    const report = await restoreSubmissions(fresh, store, nodeParquet);
    expect(report.failed.map((f) => [f.id, f.reason])).toEqual([["s2", "damaged"]]);
    const fingerprint = await acceptedFingerprint(fresh);
    await removeSubmission(fresh, store, s2.meta);
    expect((await store.list()).map((m) => m.id)).toEqual(["s1", "s3"]);
    expect(await acceptedFingerprint(fresh)).toEqual(fingerprint);
    const again = await freshEngine();
    expect(await restoreSubmissions(again, store, nodeParquet)).toEqual({
      restored: 2,
      failed: [],
    });
    expect(await acceptedFingerprint(again)).toEqual(fingerprint);
  });

  it("still loads records stored before checksums existed, and reports a broken one as unreadable", async () => {
    const { engine, records } = await threeSubmissions();
    const fingerprint = await acceptedFingerprint(engine);
    for (const [id, record] of records) {
      const { dataSha256: _, ...legacy } = record.meta;
      records.set(id, { ...record, meta: legacy });
    }
    const fresh = await freshEngine();
    expect(await restoreSubmissions(fresh, createMemoryStore(records), nodeParquet)).toEqual({
      restored: 3,
      failed: [],
    });
    expect(await acceptedFingerprint(fresh)).toEqual(fingerprint);

    const s3 = records.get("s3");
    if (!s3) throw new Error("no s3");
    records.set("s3", { ...s3, parquet: new Uint8Array([1, 2, 3]) });
    const report = await restoreSubmissions(
      await freshEngine(),
      createMemoryStore(records),
      nodeParquet,
    );
    expect(report.failed.map((f) => [f.id, f.reason])).toEqual([["s3", "unreadable"]]);
  });

  it("restoring again replaces what was loaded, in one step (another tab changed the store)", async () => {
    const { engine, store } = await threeSubmissions();
    const other = await freshEngine();
    await restoreSubmissions(other, store, nodeParquet);
    const [s1, s2] = await store.list();
    if (!s1 || !s2) throw new Error("missing");
    await undoSubmission(engine, store, s2, at(2));
    await restoreSubmissions(other, store, nodeParquet);
    expect(await value(other, "returnees-received", "2026-Q1")).toBe(9000);
    expect(await acceptedFingerprint(other)).toEqual(await acceptedFingerprint(engine));
  });
});

describe("accepting is whole", () => {
  it("takes the stored record back when DuckDB refuses the rows; nothing changed", async () => {
    const { engine, store } = await threeSubmissions();
    const fingerprint = await acceptedFingerprint(engine);
    const refusing: Engine = {
      ...engine,
      query: (sql, params) =>
        sql.startsWith("INSERT INTO submitted_")
          ? Promise.reject(new Error("refused"))
          : engine.query(sql, params),
    };
    await expect(accept(refusing, store, "s4", "reintegration-rate,2026-Q1,50,\n")).rejects.toThrow(
      "refused",
    );
    expect((await store.list()).map((m) => m.id)).toEqual(["s1", "s2", "s3"]);
    expect(await acceptedFingerprint(engine)).toEqual(fingerprint);
  });

  it("stores nothing when the engine dies before the rows are stored: the restarted engine shows the old data", async () => {
    const { engine, store } = await threeSubmissions();
    const dying: Engine = {
      ...engine,
      query: (sql, params) =>
        sql.startsWith("INSERT INTO submitted_")
          ? Promise.reject(new EngineCrashedError("worker died"))
          : engine.query(sql, params),
    };
    await expect(accept(dying, store, "s4", "reintegration-rate,2026-Q1,50,\n")).rejects.toThrow(
      EngineCrashedError,
    );
    expect((await store.list()).map((m) => m.id)).toEqual(["s1", "s2", "s3"]);
    const restarted = await freshEngine();
    await restoreSubmissions(restarted, store, nodeParquet);
    expect(await value(restarted, "reintegration-rate", "2026-Q1")).not.toBe(50);
  });

  it("takes the sequence number storage gives when another tab stored a file meanwhile", async () => {
    const { engine, store } = await threeSubmissions();
    // Another tab stores a file between this tab's look at the history and its own write.
    const raced: SubmissionStore = {
      ...store,
      add: async (meta, parquet) => {
        await store.add(
          { ...meta, id: "other-tab", fileName: "other.csv", checksum: "o" },
          parquet,
        );
        return store.add(meta, parquet);
      },
    };
    const meta = await accept(engine, raced, "s4", "reintegration-rate,2026-Q1,51,\n");
    expect(meta.seq).toBe(5);
    const seqs = await engine.query(
      "SELECT DISTINCT submission_seq AS seq FROM submitted_observations ORDER BY seq",
    );
    expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 5]);
    expect(await value(engine, "reintegration-rate", "2026-Q1")).toBe(51);
    const restarted = await freshEngine();
    await restoreSubmissions(restarted, store, nodeParquet);
    expect(await everything(restarted)).toEqual(await everything(engine));
  });

  it("keeps the stored record when the engine dies after storing it: the restarted engine loads it", async () => {
    const { engine, store } = await threeSubmissions();
    const dying: Engine = {
      ...engine,
      exec: (sql) =>
        sql === "COMMIT" ? Promise.reject(new EngineCrashedError("worker died")) : engine.exec(sql),
    };
    await expect(accept(dying, store, "s4", "reintegration-rate,2026-Q1,50,\n")).rejects.toThrow(
      EngineCrashedError,
    );
    expect((await store.list()).map((m) => m.id)).toEqual(["s1", "s2", "s3", "s4"]);
    const restarted = await freshEngine();
    await restoreSubmissions(restarted, store, nodeParquet);
    expect(await value(restarted, "reintegration-rate", "2026-Q1")).toBe(50);
  });
});

describe("backup and restore", () => {
  async function historyWithUndo() {
    const made = await threeSubmissions();
    const [, s2] = await made.store.list();
    if (!s2) throw new Error("no s2");
    await undoSubmission(made.engine, made.store, s2, at(3));
    return made;
  }
  const backupOf = async (engine: Engine, store: SubmissionStore) =>
    createBackup(store, await acceptedFingerprint(engine), {
      appVersion: "0.1.0",
      now: new Date("2026-02-10T00:00:00Z"),
    });

  it("round-trips into a fresh store: same history, same checksums, identical accepted data", async () => {
    const { engine, store } = await historyWithUndo();
    const backup = await backupOf(engine, store);
    expect(backup.manifest.counts).toEqual({ submissions: 3, active: 2, undone: 1, rows: 4 });
    expect(backup.manifest.omitted).toEqual([]);

    const verified = await readBackup(backup.bytes);
    const target = createMemoryStore();
    const result = await restoreBackup(target, verified);
    expect(result.restored.map((m) => m.id)).toEqual(["s1", "s2", "s3"]);
    expect(result.skipped).toEqual([]);
    expect(await target.list()).toEqual(await store.list());
    for (const meta of await store.list())
      expect(await target.read(meta.id)).toEqual(await store.read(meta.id));

    const fresh = await freshEngine();
    expect(await restoreSubmissions(fresh, target, nodeParquet)).toEqual({
      restored: 2,
      failed: [],
    });
    expect(await acceptedFingerprint(fresh)).toEqual(verified.manifest.accepted);
    expect(await everything(fresh)).toEqual(await everything(engine));
  });

  it("refuses a backup with one byte changed in a data file or in the manifest", async () => {
    const { engine, store } = await historyWithUndo();
    const { bytes } = await backupOf(engine, store);
    const files = unzipSync(bytes);
    const rezip = (name: string, change: (b: Uint8Array) => void) => {
      const copy = Object.fromEntries(Object.entries(files).map(([n, b]) => [n, b.slice()]));
      const target = copy[name];
      if (!target) throw new Error(name);
      change(target);
      return zipSync(copy, { level: 0 });
    };
    const refusal = (b: Uint8Array) =>
      readBackup(b).then(
        () => null,
        (error: unknown) => (error instanceof BackupError ? error.problem.code : String(error)),
      );
    const dataFile = Object.keys(files).find((n) => n.endsWith(".parquet")) ?? "";
    expect(await refusal(rezip(dataFile, (b) => (b[10] = (b[10] ?? 0) ^ 0x20)))).toBe(
      "checksum_mismatch",
    );
    // A plausible edit that still parses: one more row claimed.
    const manifest = new TextDecoder().decode(files[backupManifestFile]);
    const edited = new TextEncoder().encode(manifest.replace('"rows": 4', '"rows": 5'));
    expect(edited.length).toBe(files[backupManifestFile]?.length);
    expect(await refusal(rezip(backupManifestFile, (b) => b.set(edited)))).toBe("manifest_changed");
    expect(await refusal(new Uint8Array([1, 2, 3]))).toBe("not_a_backup");
  });

  it("never accepts a backup with any single byte changed unless what it yields is identical", async () => {
    const { engine, store } = await historyWithUndo();
    const { bytes } = await backupOf(engine, store);
    const original = await readBackup(bytes);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, xor) => {
          const changed = bytes.slice();
          changed[position] = (changed[position] ?? 0) ^ xor;
          const outcome = await readBackup(changed).catch((error: unknown) => {
            if (error instanceof BackupError) return null;
            throw error;
          });
          // Either refused, or a byte that carries no data (e.g. a zip timestamp) changed.
          if (outcome) expect(outcome).toEqual(original);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("skips what is already here, replaces a damaged local copy, and changes nothing else", async () => {
    const { engine, store, records } = await historyWithUndo();
    const backup = await readBackup((await backupOf(engine, store)).bytes);
    const before = await store.list();
    const again = await restoreBackup(store, backup);
    expect(again.restored).toEqual([]);
    expect(again.skipped.map((m) => m.id)).toEqual(["s1", "s2", "s3"]);
    expect(await store.list()).toEqual(before);

    const s3 = records.get("s3");
    if (!s3) throw new Error("no s3");
    const good = s3.parquet;
    records.set("s3", { ...s3, parquet: good.slice(1) });
    const repaired = await restoreBackup(store, backup);
    expect(repaired.restored.map((m) => [m.id, m.seq])).toEqual([["s3", 3]]);
    expect(await store.read("s3")).toEqual(good);
    expect(await store.list()).toEqual(before);
  });

  it("puts a backup's submissions, in their order, after local ones holding their numbers", async () => {
    const { engine, store } = await historyWithUndo();
    const backup = await readBackup((await backupOf(engine, store)).bytes);
    const elsewhere = await freshEngine();
    const local = createMemoryStore();
    await accept(elsewhere, local, "local", "reintegration-rate,2026-Q1,50,\n");
    const result = await restoreBackup(local, backup);
    expect(result.restored.map((m) => [m.id, m.seq])).toEqual([
      ["s1", 2],
      ["s2", 3],
      ["s3", 4],
    ]);
    expect((await local.list()).map((m) => m.id)).toEqual(["local", "s1", "s2", "s3"]);
  });
});
