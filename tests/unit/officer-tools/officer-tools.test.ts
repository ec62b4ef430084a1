import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "../../../src/lib/format/neutralise-cell";
import { inspectFile } from "../../../src/lib/intake/inspect-file";
import { completeness } from "../../../src/lib/officer-tools/completeness";
import { openSdgCsv } from "../../../src/lib/officer-tools/open-sdg";
import {
  codeListRows,
  lastEndedQuarter,
  quartersUpTo,
  templateColumns,
  templateRows,
} from "../../../src/lib/officer-tools/template";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();

describe("reporting template", () => {
  const rows = templateRows(catalog, ["children-in-detention"], ["2026-Q3"]);

  it("has the total and one row per allowed code, ids and period filled, values blank", () => {
    // children-in-detention takes sex (2 codes) and population_group (2 codes)
    expect(rows).toHaveLength(5);
    expect(
      rows.every((r) => r[0] === "children-in-detention" && r[1] === "2026-Q3" && r[2] === ""),
    ).toBe(true);
    const sex = templateColumns.indexOf("sex");
    expect(rows.map((r) => r[sex])).toEqual(["", "female", "male", "", ""]);
  });

  it("is valid input once its values are filled in", async () => {
    const filled = rows.map((r, i) =>
      r.map((cell, c) => (c === 2 ? String([500, 200, 300, 310, 190][i]) : cell)),
    );
    const csv = Papa.unparse({ fields: [...templateColumns], data: filled });
    const result = await inspectFile(catalog, "plantilla.csv", new TextEncoder().encode(csv));
    expect(result.errors).toBe(0);
    expect(result.observations).toHaveLength(5);
  });

  it("lists the codes with their labels in the chosen language", () => {
    expect(codeListRows(catalog, ["children-in-detention"], "es")).toContainEqual([
      "children-in-detention",
      "sex",
      "female",
      "Mujeres",
    ]);
  });

  it("proposes the last quarter that has ended, and counts quarters back across years", () => {
    expect(lastEndedQuarter(new Date("2026-11-28T00:00:00Z"))).toBe("2026-Q3");
    expect(lastEndedQuarter(new Date("2026-02-10T00:00:00Z"))).toBe("2025-Q4");
    expect(quartersUpTo("2026-Q2", 4)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
  });
});

describe("completeness", () => {
  const today = new Date("2026-11-28T00:00:00Z");
  it("tells reported, partial, pending and late apart", () => {
    expect(completeness(5, 1, "2026-Q3", today)).toBe("reported");
    expect(completeness(2, 0, "2026-Q3", today)).toBe("partial");
    // 2026-Q3 ended 30 September: 45 days later is 14 November.
    expect(completeness(0, 0, "2026-Q3", new Date("2026-11-01T00:00:00Z"))).toBe("missing");
    expect(completeness(0, 0, "2026-Q3", today)).toBe("late");
  });
});

describe("Open SDG export", () => {
  it("writes Year first, the disaggregations used, Value last, blank for totals", () => {
    const csv = openSdgCsv([
      { indicator_id: "x", period: "2025-Q1", value: 10, dimensions: {}, obs_status: "normal" },
      {
        indicator_id: "x",
        period: "2025-Q1",
        value: 4,
        dimensions: { sex: "female" },
        obs_status: "normal",
      },
      { indicator_id: "x", period: "2025-Q2", value: null, dimensions: {}, obs_status: null },
    ]);
    expect(csv).toBe(
      "Year,Sex,Observation status,Value\r\n2025-Q1,,normal,10\r\n2025-Q1,female,normal,4\r\n2025-Q2,,,\n",
    );
  });
});

describe("spreadsheet safety", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(["=SUM(A1)", "+1", "-2", "@cmd", "plain"].map(neutraliseCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@cmd",
      "plain",
    ]);
  });
});
