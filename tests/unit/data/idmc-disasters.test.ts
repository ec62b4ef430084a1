import { describe, expect, it } from "vitest";
import {
  annualDisasterDisplacementRows,
  giddRawFile,
  readGiddSheet,
} from "../../../scripts/derive/idmc-disasters";
import { readRaw } from "../../../scripts/derive/raw-files";

const source = "idmc-gidd-disasters-2008-2022";
const grid = await readGiddSheet(readRaw(source, giddRawFile));
const rows = annualDisasterDisplacementRows(grid, "HND", source);

const header = [
  "ISO3",
  "Country / Territory",
  "Year",
  "Event Name",
  "Date of Event (start)",
  "Disaster Internal Displacements",
  "Disaster Internal Displacements (Raw)",
];
const sampleGrid = (...data: string[][]) =>
  [header, ...data].map((cells, i) => ({ row: i + 1, cells }));

describe("IDMC GIDD: disaster displacements in Honduras by year", () => {
  it("gives 2020 as SOURCE.md states: 937,194, with Eta (175,000) and Iota (743,000) among its events", () => {
    const hnd2020 = grid.filter((r) => r.cells[0] === "HND" && r.cells[2] === "2020");
    const eventValue = (name: string) => hnd2020.find((r) => r.cells[3]?.includes(name))?.cells[5];
    expect(eventValue("Hurricane Eta")).toBe("175000");
    expect(eventValue("Hurricane Iota")).toBe("743000");
    expect(rows.find((r) => r.period === "2020")?.value).toBe(937_194);
  });

  it("covers the database's years, 2008–2022, from the 45 Honduras event rows", () => {
    expect(rows.map((r) => r.period)).toEqual(
      Array.from({ length: 15 }, (_, i) => String(2008 + i)),
    );
    expect(grid.filter((r) => r.cells[0] === "HND")).toHaveLength(45);
  });

  it("leaves a year with no event blank, never zero, and says why", () => {
    const rows = annualDisasterDisplacementRows(
      sampleGrid(
        ["HND", "Honduras", "2018", "Flood A", "2018-09-11", "30", "30"],
        ["HND", "Honduras", "2018", "Flood B", "2018-10-05", "17000", "16647"],
        ["GTM", "Guatemala", "2019", "Flood C", "2019-10-05", "500", "499"],
        ["HND", "Honduras", "2020", "Storm D", "2020-11-14", "743000", "743426"],
      ),
      "HND",
      source,
    );
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ["2018", 17030],
      ["2019", null],
      ["2020", 743000],
    ]);
    expect(rows[1]?.note).toContain("not a count of zero");
  });

  it("refuses a displacement figure that is not a count", () => {
    expect(() =>
      annualDisasterDisplacementRows(
        sampleGrid(["HND", "Honduras", "2018", "Flood A", "2018-09-11", "about 30", "30"]),
        "HND",
        source,
      ),
    ).toThrow('"about 30"');
  });
});
