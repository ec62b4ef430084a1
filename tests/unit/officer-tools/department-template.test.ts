import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { inspectFile } from "../../../src/lib/intake/inspect-file";
import {
  codeListRows,
  templateColumns,
  templateRows,
} from "../../../src/lib/officer-tools/template";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const departments = catalog.dimensions.find((d) => d.id === "department")?.codes ?? [];

describe("the reporting template of an indicator with a department breakdown", () => {
  const rows = templateRows(catalog, ["returnees-received"], ["2026-Q1"]);
  const department = templateColumns.indexOf("department");

  it("has the department column, one row per department with its ISO code", () => {
    expect(department).toBeGreaterThan(0);
    // The total, sex (2), age (2), country of return (3) and department (18): 26 rows.
    expect(rows).toHaveLength(26);
    expect(rows.map((r) => r[department]).filter((c) => c !== "")).toEqual([
      "HN-AT",
      "HN-CH",
      "HN-CL",
      "HN-CM",
      "HN-CP",
      "HN-CR",
      "HN-EP",
      "HN-FM",
      "HN-GD",
      "HN-IB",
      "HN-IN",
      "HN-LE",
      "HN-LP",
      "HN-OC",
      "HN-OL",
      "HN-SB",
      "HN-VA",
      "HN-YO",
    ]);
  });

  it.each(["es", "en"] as const)("lists the 18 codes with their Spanish names (%s)", (language) => {
    const listed = codeListRows(catalog, ["returnees-received"], language).filter(
      (r) => r[1] === "department",
    );
    expect(listed).toHaveLength(18);
    expect(listed).toContainEqual(["returnees-received", "department", "HN-AT", "Atlántida"]);
    expect(listed).toContainEqual([
      "returnees-received",
      "department",
      "HN-IB",
      "Islas de la Bahía",
    ]);
    for (const [, , code, name] of listed)
      expect(name).toBe(departments.find((d) => d.code === code)?.label.es);
  });

  it("is valid input once filled in, also where the officer wrote names instead of codes", async () => {
    const filled = rows.map((r, i) => {
      const row = [...r];
      row[2] = i === 0 ? "1800" : "100";
      // An officer typing the department's name without accents: recoded, not refused.
      if (row[department] === "HN-AT") row[department] = "Atlantida";
      return row;
    });
    const csv = Papa.unparse({ fields: [...templateColumns], data: filled });
    const result = await inspectFile(catalog, "plantilla.csv", new TextEncoder().encode(csv));
    expect(result.errors).toBe(0);
    expect(result.observations.filter((o) => o.dimensions.department)).toHaveLength(18);
    expect(result.fixes).toContainEqual(
      expect.objectContaining({ kind: "recoded", from: "Atlantida", to: "HN-AT" }),
    );
  });

  it("gives no department rows to an indicator without the breakdown", () => {
    const other = templateRows(catalog, ["children-in-detention"], ["2026-Q1"]);
    expect(other.every((r) => r[department] === "")).toBe(true);
  });
});
