import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  applicationsSeries,
  asylumSeekersSeries,
  honduransAbroad,
  listedCountries,
  refugeesSeries,
} from "../../../scripts/derive/unhcr-abroad";
import {
  byCountryOfAsylum,
  type CountryFigure,
  countriesReaching,
  otherCountries,
} from "../../../scripts/derive/unhcr-by-country";
import { displacedInside } from "../../../scripts/derive/unhcr-idps";
import {
  populationTotal,
  refugeeRateRows,
  refugeesPer100k,
} from "../../../scripts/derive/unhcr-refugee-rate";
import { readCsv } from "../../../src/lib/intake/read-csv";
import { projectCatalog } from "../../helpers/catalog";

/** A derived file's rows as objects, keyed by the header. */
function observations(indicatorId: string): Record<string, string>[] {
  const table = readCsv(readFileSync(`data/observations/${indicatorId}.csv`, "utf8"));
  return table.records.map((r) =>
    Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? ""])),
  );
}

function figure(indicatorId: string, period: string, geography = ""): number | undefined {
  const row = observations(indicatorId).find(
    (r) => r.period === period && (r.geography ?? "") === geography,
  );
  return row ? Number(row.value) : undefined;
}

describe("figures by country of asylum", () => {
  const figures: CountryFigure[] = [
    { year: 2020, country: "USA", value: 300 },
    { year: 2020, country: "MEX", value: 40 },
    { year: 2020, country: "FRA", value: 5 },
    { year: 2020, country: "USA", value: 20 },
    { year: 2021, country: "MEX", value: 0 },
    { year: 2021, country: "BEL", value: 7 },
  ];

  it("gives a code of its own to a country reaching the threshold in some year, largest first", () => {
    expect(countriesReaching(figures, 40)).toEqual(["USA", "MEX"]);
    expect(countriesReaching(figures, 320)).toEqual(["USA"]);
    expect(countriesReaching(figures, 321)).toEqual([]);
  });

  it("makes the listed countries and OTHER add up to the total, year by year", () => {
    const rows = byCountryOfAsylum(figures, ["USA", "MEX"], "x", "s");
    expect(rows.map((r) => [r.period, r.dimensions?.geography ?? "", r.value])).toEqual([
      ["2020", "", 365],
      ["2020", "USA", 320],
      ["2020", "MEX", 40],
      ["2020", otherCountries, 5],
      ["2021", "", 7],
      ["2021", "MEX", 0],
      ["2021", otherCountries, 7],
    ]);
  });

  it("keeps only Hondurans abroad: not people of other origins, not Hondurans in Honduras", () => {
    const records = [
      { year: 2024, coo_iso: "HND", coa_iso: "MEX", refugees: 10 },
      { year: 2024, coo_iso: "HND", coa_iso: "HND", refugees: 0 },
      { year: 2024, coo_iso: "NIC", coa_iso: "HND", refugees: 99 },
    ];
    expect(honduransAbroad(records, "refugees")).toEqual([
      { year: 2024, country: "MEX", value: 10 },
    ]);
  });

  it("refuses a figure that is not a whole count rather than adding it as zero", () => {
    const missing = [{ year: 2024, coo_iso: "HND", coa_iso: "MEX", refugees: null }];
    expect(() => honduransAbroad(missing, "refugees")).toThrow("not a count");
  });
});

describe("refugees per 100,000 (SDG 10.7.4)", () => {
  it("divides by the population plus the refugees, as UNHCR's formula does", () => {
    // 100 / (9,900 + 100) x 100,000 = 1,000
    expect(refugeesPer100k(100, 9_900)).toBe(1_000);
    // 100,969 / 9,993,643 x 100,000 = 1,010.334 (hand calculation)
    expect(refugeesPer100k(100_969, 9_892_674)).toBe(1010.33);
  });

  it("gives a rate only for the denominator's year", () => {
    const refugees = new Map([
      [2019, 26_351],
      [2024, 100_969],
    ]);
    const rows = refugeeRateRows(refugees, { year: 2024, total: 9_892_674 });
    expect(rows.map((r) => [r.period, r.value])).toEqual([["2024", 1010.33]]);
    expect(refugeeRateRows(refugees, { year: 2023, total: 9_000_000 })).toEqual([]);
  });

  it("adds up the municipalities of a one-year OCHA file, and refuses several years", () => {
    const csv = "\uFEFFyear,ADM2_PCODE,T_TL\n2024,HN0101,10\n2024,HN0102,32\n";
    expect(populationTotal(csv)).toEqual({ year: 2024, total: 42 });
    expect(() => populationTotal("year,T_TL\n2023,1\n2024,2\n")).toThrow("2 years");
  });
});

describe("internally displaced people in Honduras", () => {
  it("takes Hondurans in Honduras only, one row a year", () => {
    const records = [
      { year: 2019, coo_iso: "HND", coa_iso: "HND", idps: 247_090 },
      { year: 2019, coo_iso: "HND", coa_iso: "MEX", idps: 0 },
      { year: 2019, coo_iso: "NIC", coa_iso: "HND", idps: 3 },
    ];
    expect(displacedInside(records, "idps", "x").map((r) => [r.period, r.value])).toEqual([
      ["2019", 247_090],
    ]);
  });
});

describe("the derived UNHCR series match the figures in SOURCE.md", () => {
  it("refugees from Honduras: totals and 2025 by country of asylum", () => {
    const totals = {
      2015: 6_847,
      2019: 26_351,
      2022: 64_785,
      2023: 84_363,
      2024: 100_969,
      2025: 94_449,
    };
    for (const [year, value] of Object.entries(totals))
      expect(figure("refugees-from-honduras", year), year).toBe(value);
    expect(figure("refugees-from-honduras", "2025", "USA")).toBe(21_903);
    expect(figure("refugees-from-honduras", "2025", "MEX")).toBe(66_685);
    expect(figure("refugees-from-honduras", "2025", "ESP")).toBe(2_586);
  });

  it("asylum-seekers from Honduras: totals and 2025 by country, none before 2000", () => {
    for (const [year, value] of Object.entries({ 2019: 122_480, 2024: 237_701, 2025: 168_464 }))
      expect(figure("asylum-seekers-from-honduras", year), year).toBe(value);
    expect(figure("asylum-seekers-from-honduras", "2025", "USA")).toBe(141_214);
    expect(figure("asylum-seekers-from-honduras", "2025", "MEX")).toBe(21_329);
    expect(figure("asylum-seekers-from-honduras", "2025", "ESP")).toBe(2_075);
    const years = observations("asylum-seekers-from-honduras").map((r) => Number(r.period));
    expect(Math.min(...years)).toBe(2000);
  });

  it("asylum applications by Hondurans: UNHCR's totals, all application types summed", () => {
    const totals = { 2019: 80_162, 2023: 97_671, 2024: 67_185, 2025: 45_992 };
    for (const [year, value] of Object.entries(totals))
      expect(figure("asylum-applications-by-hondurans", year), year).toBe(value);
  });

  it("internally displaced: UNHCR's and IDMC's figures, kept apart", () => {
    for (const year of ["2019", "2020", "2021", "2022", "2023", "2024"])
      expect(figure("idps-in-honduras-unhcr", year), year).toBe(247_090);
    expect(figure("idps-in-honduras-unhcr", "2025")).toBe(423_845);
    for (const year of ["2023", "2024", "2025"])
      expect(figure("idps-in-honduras-idmc", year), year).toBe(101_000);
  });

  it("the rate per 100,000 exists for 2024 only", () => {
    expect(observations("refugees-from-honduras-per-100k").map((r) => r.period)).toEqual(["2024"]);
    expect(figure("refugees-from-honduras-per-100k", "2024")).toBe(1010.33);
  });

  it.each([refugeesSeries, asylumSeekersSeries, applicationsSeries])(
    "$indicatorId: the countries and OTHER add up to the total every year",
    (series) => {
      const rows = observations(series.indicatorId);
      for (const year of new Set(rows.map((r) => r.period))) {
        const ofYear = rows.filter((r) => r.period === year);
        const total = ofYear.find((r) => r.geography === "");
        const parts = ofYear.filter((r) => r.geography !== "");
        expect(
          parts.reduce((s, r) => s + Number(r.value), 0),
          year,
        ).toBe(Number(total?.value));
      }
    },
  );

  it.each([refugeesSeries, asylumSeekersSeries, applicationsSeries])(
    "$indicatorId: the catalog lists exactly the countries the series gives codes to",
    (series) => {
      const indicator = projectCatalog().indicators.find((i) => i.id === series.indicatorId);
      expect(new Set(indicator?.disaggregations.geography)).toEqual(
        new Set([...listedCountries(series), otherCountries]),
      );
    },
  );
});
