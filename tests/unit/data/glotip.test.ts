import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { glotipRows, glotipValue } from "../../../scripts/derive/glotip-rows";
import {
  type GlotipRecord,
  glotipColumns,
  glotipExtract,
  glotipRecords,
  glotipSource,
  hondurasGlotip,
  readGlotip,
} from "../../../scripts/derive/glotip-table";
import { readRawText } from "../../../scripts/derive/raw-files";
import { readCsv } from "../../../src/lib/intake/read-csv";

const records = await readGlotip();

function record(overrides: Partial<GlotipRecord>): GlotipRecord {
  return {
    Iso3_code: "HND",
    Country: "Honduras",
    Region: "Americas",
    Subregion: "Latin America and the Caribbean",
    Indicator: "Detected trafficking victims",
    Dimension: "Total",
    Category: "Total",
    Sex: "Total",
    Age: "Total",
    Year: "2020",
    "Unit of measurement": "Counts",
    txtVALUE: "67",
    Source: "GLOTIP",
    ...overrides,
  };
}

function observations(indicatorId: string): Record<string, string>[] {
  const table = readCsv(readFileSync(`data/observations/${indicatorId}.csv`, "utf8"));
  return table.records.map((r) =>
    Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? ""])),
  );
}

/** The row of a derived file for a year and breakdown (unnamed dimensions blank). */
function cell(indicatorId: string, period: string, dims: Record<string, string> = {}) {
  return observations(indicatorId).find(
    (r) =>
      r.period === period &&
      ["sex", "age_group", "exploitation"].every((d) => (r[d] ?? "") === (dims[d] ?? "")),
  );
}

describe("GLOTIP values", () => {
  it("reads a count as a number", () => {
    expect(glotipValue("154")).toEqual({ value: 154, obs_status: "normal" });
  });

  it("keeps a bound such as <5 as censored, with the source text in the note and no number", () => {
    expect(glotipValue("<5")).toEqual({ value: null, obs_status: "censored", note: "<5" });
  });

  it("refuses anything else rather than guessing", () => {
    expect(() => glotipValue("")).toThrow("neither a count");
    expect(() => glotipValue("5.5")).toThrow("neither a count");
  });
});

describe("GLOTIP rows for Honduras", () => {
  it("codes sex, age and form of exploitation, leaving totals blank", () => {
    const rows = glotipRows(
      [
        record({}),
        record({ Sex: "Female", Age: "0 to 17 years", txtVALUE: "35" }),
        record({ Dimension: "by form of exploitation", Category: "Forced labour", txtVALUE: "8" }),
      ],
      "Detected trafficking victims",
      "v",
      "s",
    );
    expect(rows.map((r) => [r.dimensions ?? {}, r.value])).toEqual([
      [{}, 67],
      [{ sex: "female", age_group: "0-17" }, 35],
      [{ exploitation: "forced_labour" }, 8],
    ]);
  });

  it("leaves out other indicators, other countries and breakdowns the catalog cannot hold", () => {
    const rows = glotipRows(
      [
        record({ Indicator: "Persons convicted" }),
        record({ Iso3_code: "ESP", Category: "Honduras", Dimension: "by citizenship" }),
        record({ Dimension: "by citizenship", Category: "Guatemala" }),
      ],
      "Detected trafficking victims",
      "v",
      "s",
    );
    expect(rows).toEqual([]);
  });

  it("keeps a cell the source repeats with different values as missing, listing them", () => {
    const other = { Dimension: "by form of exploitation", Category: "Other forms of exploitation" };
    const rows = glotipRows(
      [record({ ...other, txtVALUE: "15" }), record({ ...other, txtVALUE: "<5" })],
      "Detected trafficking victims",
      "v",
      "s",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value).toBeNull();
    expect(rows[0]?.note).toContain("15; <5");
  });

  it("keeps one row when the source repeats a cell with the same value", () => {
    const rows = glotipRows([record({}), record({})], "Detected trafficking victims", "v", "s");
    expect(rows.map((r) => r.value)).toEqual([67]);
  });

  it("fails on a label it has no code for", () => {
    expect(() =>
      glotipRows([record({ Age: "18 to 24 years" })], "Detected trafficking victims", "v", "s"),
    ).toThrow('age "18 to 24 years"');
  });
});

describe("the GLOTIP workbook", () => {
  it("finds the header under UNODC's two banner rows and refuses a changed header", () => {
    const grid = [
      { row: 1, cells: ["UNODC", "unodc_ddds@un.org"] },
      { row: 2, cells: ["30/05/2023"] },
      { row: 3, cells: [...glotipColumns] },
      { row: 4, cells: glotipColumns.map((c) => record({})[c]) },
    ];
    expect(glotipRecords(grid)).toEqual([record({})]);
    const changed = grid.map((r) => (r.row === 3 ? { ...r, cells: ["Iso3_code", "Year"] } : r));
    expect(() => glotipRecords(changed)).toThrow("header not found or changed");
  });

  it("has the 46,556 data rows SOURCE.md states", () => {
    expect(records).toHaveLength(46_556);
  });

  it("gives exactly the rows of the shared Honduras extract, cell for cell", () => {
    const extract = readCsv(readRawText(glotipSource, glotipExtract));
    expect(extract.header).toEqual([...glotipColumns]);
    expect(hondurasGlotip(records).map((r) => glotipColumns.map((c) => r[c]))).toEqual(
      extract.records.map((r) => r.cells),
    );
  });
});

describe("the derived UNODC series match the figures in SOURCE.md", () => {
  it("victims detected: totals by year, and 2020 by sex and age", () => {
    const totals = {
      2012: 16,
      2013: 70,
      2014: 7,
      2015: 59,
      2016: 83,
      2017: 154,
      2018: 64,
      2020: 67,
    };
    for (const [year, value] of Object.entries(totals))
      expect(cell("trafficking-victims-detected-unodc", year)?.value, year).toBe(String(value));
    const v = (dims: Record<string, string>) =>
      cell("trafficking-victims-detected-unodc", "2020", dims);
    expect(v({ sex: "female" })?.value).toBe("58");
    expect(v({ sex: "male" })?.value).toBe("10");
    expect(v({ age_group: "0-17" })?.value).toBe("43");
    expect(v({ age_group: "18+" })?.value).toBe("24");
    expect(v({ sex: "other" })).toMatchObject({ value: "", obs_status: "censored", note: "<5" });
  });

  it("persons prosecuted and convicted: totals by year", () => {
    const prosecuted = { 2010: 23, 2015: 19, 2016: 19, 2017: 90, 2018: 35, 2020: 12 };
    for (const [year, value] of Object.entries(prosecuted))
      expect(cell("trafficking-persons-prosecuted-unodc", year)?.value, year).toBe(String(value));
    const convicted = { 2015: 21, 2016: 15, 2017: 17, 2018: 31, 2020: 14 };
    for (const [year, value] of Object.entries(convicted))
      expect(cell("trafficking-persons-convicted-unodc", year)?.value, year).toBe(String(value));
  });

  it("never turns a censored value into a number", () => {
    for (const id of [
      "trafficking-victims-detected-unodc",
      "trafficking-persons-prosecuted-unodc",
      "trafficking-persons-convicted-unodc",
    ])
      for (const row of observations(id).filter((r) => r.obs_status === "censored"))
        expect([row.value, row.note]).toEqual(["", "<5"]);
  });
});
