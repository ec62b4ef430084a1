import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { diffStaged } from "../../src/lib/submissions/submission-service";
import { fundingDataset as d } from "../../src/lib/tables/table-descriptors";
import { changeUnderWay, heldFor } from "../helpers/change-under-way";
import { asDiffRow, referenceDiff } from "../helpers/reference-diff";

let engine: Engine;

// commitment, donor, programme (NULL: none), currency, committed, period
const row = (c: string, donor: string, programme: string | null, amount: number, period: string) =>
  `('${c}', '${donor}', ${programme === null ? "NULL" : `'${programme}'`}, 'USD', ${amount}, 0, '${period}', DATE '2025-01-01', NULL, NULL)`;
const table = (name: string, rows: string[]) =>
  `CREATE OR REPLACE TABLE ${name} (commitment_id VARCHAR, donor VARCHAR, programme VARCHAR, currency VARCHAR, amount_committed DOUBLE, amount_disbursed DOUBLE, period VARCHAR, time DATE, iati_identifier VARCHAR, note VARCHAR); INSERT INTO ${name} VALUES ${rows.join(", ")}`;

beforeAll(async () => {
  engine = await startNodeEngine();
  // In effect: donor A's 2025 and 2026, donor B's 2025 (outside the staged file's scopes).
  await engine.exec(
    table(d.effective, [
      row("c1", "A", null, 100, "2025"),
      row("c1", "A", "p1", 50, "2025"),
      row("c2", "A", null, 70, "2025"),
      row("c1", "A", null, 10, "2026"),
      row("c1", "B", null, 999, "2025"),
    ]),
  );
  // Donor A's 2025 restated: c1 unchanged, c1/p1 changed, c2 gone, c3 and c3/p2 new.
  await engine.exec(
    table(d.staged, [
      row("c1", "A", null, 100, "2025"),
      row("c1", "A", "p1", 55, "2025"),
      row("c3", "A", null, 5, "2025"),
      row("c3", "A", "p2", 6, "2025"),
    ]),
  );
});
afterAll(async () => engine.close());

describe("the diff of a staged file", () => {
  it("gives the diff a full outer join gives on the funding key, a blank programme included", async () => {
    const reference = await referenceDiff(engine, d);
    expect(reference.map((r) => r.kind)).toEqual(["added", "added", "changed", "removed"]);
    for (const limit of [1, 2, 3, 200]) {
      const diff = await diffStaged(engine, limit, d);
      expect([diff.added, diff.changed, diff.removed]).toEqual([2, 1, 1]);
      expect(diff.sample).toEqual(reference.slice(0, limit).map(asDiffRow(d)));
    }
    // The diff leaves no table of its own behind.
    const left = await engine.query(
      "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'staged_funding_%'",
    );
    expect(left).toEqual([]);
  });

  it("waits for a change of accepted data under way before it reads them", async () => {
    // Its sample pairs rows by row id: a rebuild between its statements would mix up old values.
    const change = changeUnderWay(engine);
    const diff = diffStaged(engine, 200, d);
    const first = await heldFor(diff, 1000);
    change.release();
    await change.done;
    expect(first).toBe("held");
    expect((await diff).changed).toBe(1);
  });
});
