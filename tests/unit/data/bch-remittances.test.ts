import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bchDepartmentCode } from "../../../scripts/derive/bch-departments";
import { bchRawFile, quarterlyRemittanceRows } from "../../../scripts/derive/bch-remittances";
import { readBchMonthlyRemittances } from "../../../scripts/derive/bch-remittances-table";
import { departmentCodes } from "../../../scripts/derive/departments";
import { readRawUtf8 } from "../../../scripts/derive/raw-utf8";

const source = "bch-remittances-department-2017-2025";
const monthly = readBchMonthlyRemittances(readRawUtf8(source, bchRawFile), bchRawFile);
const rows = quarterlyRemittanceRows(monthly, source);
const national = rows.filter((r) => r.dimensions?.department === undefined);

/** A BCH-shaped file: title rows, the header with its trailing space, data, notes below. */
const sample = (data: readonly string[]) =>
  [
    "Unnamed: 0,Unnamed: 1,Unnamed: 2,Unnamed: 3,Unnamed: 4",
    ",,,,",
    "Banco Central de Honduras,,,,",
    '"Ingresos por Remesas Familiares, Según Departamento, 2017-2025",,,,',
    "(en USD),,,,",
    "Año,Mes,Departamento,Monto,Beneficiario ",
    ...data,
    "Nota explicativa sobre diferencias en el número de beneficiarios,,,,",
    '"A nivel municipal el beneficiario se asigna al municipio donde realizó el cobro, pudiendo aparecer en varios municipios.",,,,',
  ].join("\n");

describe("BCH remittances by department: reading the table as BCH exported it", () => {
  it("finds the header on line 10 and skips the title rows and the notes below the data", () => {
    expect(monthly).toHaveLength(9 * 12 * 18);
    expect(monthly[0]).toMatchObject({ year: 2017, month: 1, department: "HN-FM", row: 11 });
    expect(monthly.at(-1)).toMatchObject({ year: 2025, month: 12, department: "HN-GD" });
  });

  it("reads Spanish month names, in any case", () => {
    const read = readBchMonthlyRemittances(
      sample([
        "2019,Septiembre,Valle,10.5,3",
        "2019,diciembre,Valle,1.25,3",
        "2019,Enero,Valle,2,3",
      ]),
      "sample.csv",
    );
    expect(read.map((r) => [r.year, r.month, r.department, r.usd])).toEqual([
      [2019, 9, "HN-VA", 10.5],
      [2019, 12, "HN-VA", 1.25],
      [2019, 1, "HN-VA", 2],
    ]);
  });

  it("refuses a month name it does not know, naming the line", () => {
    expect(() =>
      readBchMonthlyRemittances(sample(["2019,Setiembr,Valle,10.5,3"]), "sample.csv"),
    ).toThrow('sample.csv line 7: month "Setiembr"');
  });

  it("fails on an unknown department, naming it", () => {
    expect(() =>
      readBchMonthlyRemittances(sample(["2019,Enero,Tegucigalpa,10.5,3"]), "sample.csv"),
    ).toThrow('unknown department "Tegucigalpa"');
    expect(() => bchDepartmentCode("Atlántid")).toThrow('unknown department "Atlántid"');
    // The shared recoder the Data page uses: a spelling without accents is the same department.
    expect(bchDepartmentCode("Atlantida")).toBe("HN-AT");
  });

  it("maps the 18 departments to the 18 ISO 3166-2:HN codes of the department dimension", () => {
    const dimensions = JSON.parse(readFileSync("indicators/dimensions.json", "utf8")) as {
      id: string;
      codes: { code: string }[];
    }[];
    const codes = dimensions.find((d) => d.id === "department")?.codes.map((c) => c.code);
    expect(departmentCodes).toEqual([...(codes ?? [])].sort());
    expect(new Set(monthly.map((r) => r.department)).size).toBe(18);
  });
});

describe("BCH remittances by department: quarterly sums", () => {
  it("gives the national annual totals SOURCE.md states (billions of USD, 2 decimals)", () => {
    const stated: Record<string, string> = {
      "2017": "4.44",
      "2018": "4.88",
      "2019": "5.52",
      "2020": "5.74",
      "2021": "7.37",
      "2022": "8.68",
      "2023": "9.18",
      "2024": "9.74",
      "2025": "12.21",
    };
    const annual = new Map<string, number>();
    for (const r of national)
      annual.set(r.period.slice(0, 4), (annual.get(r.period.slice(0, 4)) ?? 0) + (r.value ?? 0));
    expect(
      Object.fromEntries([...annual].map(([year, usd]) => [year, (usd / 1e9).toFixed(2)])),
    ).toEqual(stated);
  });

  it("sums a quarter's three months, to the cent (Atlántida 2017-Q1, lines 13, 31 and 49)", () => {
    // 17,048,448.93999992 + 20,140,076.44999998 + 22,264,517.0899999, added by hand.
    const atlantida = rows.find(
      (r) => r.period === "2017-Q1" && r.dimensions?.department === "HN-AT",
    );
    expect(atlantida?.value).toBe(59_453_042.48);
  });

  it("makes the national total the sum of the 18 departments, for every quarter", () => {
    expect(national).toHaveLength(36);
    for (const total of national) {
      const departments = rows.filter(
        (r) => r.period === total.period && r.dimensions?.department !== undefined,
      );
      expect(departments).toHaveLength(18);
      const cents = departments.reduce((sum, r) => sum + Math.round((r.value ?? 0) * 100), 0);
      expect(Math.round((total.value ?? 0) * 100), total.period).toBe(cents);
    }
  });

  it("gives a quarter missing a month no value and a note, never a partial sum", () => {
    const incomplete = quarterlyRemittanceRows(
      monthly.filter((r) => !(r.year === 2025 && r.month === 11 && r.department === "HN-VA")),
      source,
    );
    const valle = incomplete.find(
      (r) => r.period === "2025-Q4" && r.dimensions?.department === "HN-VA",
    );
    expect(valle?.value).toBeNull();
    expect(valle?.note).toContain("Only 2 of the quarter's 3 months");
    expect(valle?.note).toContain("octubre, diciembre");
    const total = incomplete.find((r) => r.period === "2025-Q4" && !r.dimensions);
    expect(total?.value).toBeNull();
    expect(total?.note).toContain("HN-VA");
    const yoro = incomplete.find(
      (r) => r.period === "2025-Q4" && r.dimensions?.department === "HN-YO",
    );
    expect(yoro?.value).toBeGreaterThan(0);
  });
});
