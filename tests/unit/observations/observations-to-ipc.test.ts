import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { generateObservationsCsv } from "../../../scripts/lib/generate-observations";
import { columnsToIpc } from "../../../src/lib/db/columns-to-ipc";
import { inspectFile } from "../../../src/lib/intake/inspect-file";
import type { Observation } from "../../../src/lib/observations/columns";
import {
  groupByIndicator,
  observationColumnsLazily,
  observationsToIpc,
} from "../../../src/lib/observations/observation-table";
import { projectCatalog } from "../../helpers/catalog";

/**
 * An IPC stream's columns, their types and rows. (The bytes themselves differ from one build to
 * the next: arrow numbers each dictionary it ever creates.)
 */
function read(ipc: Uint8Array) {
  const table = arrow.tableFromIPC(ipc);
  return {
    columns: table.schema.fields.map((f) => `${f.name}: ${f.type}`),
    rows: table.toArray().map((row) => row.toJSON()),
  };
}

/** What the intake worker built before: a column at a time. */
const byColumns = (observations: readonly Observation[]) =>
  read(columnsToIpc(arrow, observationColumnsLazily(observations)));

const observation = (over: Partial<Observation>): Observation => ({
  indicator_id: "returnees-received",
  period: "2025-Q1",
  time: 2025,
  value: 12,
  dimensions: {},
  unit: null,
  obs_status: "normal",
  source: null,
  note: null,
  ...over,
});

describe("observationsToIpc", () => {
  it("gives the table a column at a time gives, for a checked file of 20,000 rows", async () => {
    const bytes = new TextEncoder().encode(generateObservationsCsv(20_000, 11));
    const { observations } = await inspectFile(projectCatalog(), "gen.csv", bytes);
    const ordered = groupByIndicator(observations);
    expect(ordered.length).toBe(20_000);
    expect(read(observationsToIpc(arrow, ordered))).toEqual(byColumns(ordered));
  });

  it("gives the same table for blanks, repeats, empty texts and breakdowns alike but not shared", () => {
    const female = Object.freeze({ sex: "female" });
    const observations = [
      observation({ dimensions: female, source: "OIM" }),
      observation({ period: "2025-Q2", value: null, dimensions: female, note: "nota" }),
      observation({ dimensions: { sex: "female" }, unit: "count", note: "" }),
      observation({ dimensions: { sex: "male", geography: "HN-AT" }, obs_status: "estimated" }),
      observation({ indicator_id: "remittance-cost", value: 0, note: "ñandú ✓" }),
      observation({ indicator_id: "remittance-cost", dimensions: female, value: -1.5 }),
    ];
    expect(read(observationsToIpc(arrow, observations))).toEqual(byColumns(observations));
  });

  it("gives an empty table for no rows", () => {
    expect(read(observationsToIpc(arrow, []))).toEqual(byColumns([]));
  });
});

describe("columnsToIpc", () => {
  it("keeps each text of a run of repeated texts, blanks between them included", () => {
    const values = ["HN", "HN", null, "HN", "USA", "USA", "", "", "HN"];
    const ipc = columnsToIpc(arrow, { code: { kind: "text", values } });
    expect(read(ipc).rows.map((r) => r.code)).toEqual(values);
  });
});
