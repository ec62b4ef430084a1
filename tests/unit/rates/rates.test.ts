import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/lib/i18n/create-i18n";
import { readCsv } from "../../../src/lib/intake/read-csv";
import { bundledSources } from "../../../src/lib/observations/bundled-sources";
import { bundledPopulation } from "../../../src/lib/rates/bundled-population";
import { describeRate } from "../../../src/lib/rates/describe-rate";
import { findDenominator } from "../../../src/lib/rates/population";
import { type Rate, ratePer100k, ratePerCapita } from "../../../src/lib/rates/rate";

const sources = bundledSources;
const population = bundledPopulation;

/** A real BCH quarter from data/observations/remittance-inflows-usd.csv. */
function remittances(period: string, department: string): number {
  const table = readCsv(readFileSync("data/observations/remittance-inflows-usd.csv", "utf8"));
  const at = (name: string) => table.header.indexOf(name);
  const row = table.records.find(
    (r) => r.cells[at("period")] === period && r.cells[at("department")] === department,
  );
  return Number(row?.cells[at("value")]);
}

const rateOf = (rate: Rate) => {
  if (rate.kind !== "rate") throw new Error(`no rate: ${rate.reason}`);
  return rate;
};

describe("rates on OCHA's 2024 population", () => {
  it("gives Islas de la Bahía's 2024 remittances per person, worked by hand", () => {
    // BCH 2024, HN-IB: Q1 10,671,346.58 + Q2 12,679,157.25 + Q3 13,048,549.78
    // + Q4 12,269,817.93 = 48,668,871.54 USD.
    const quarters = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"].map((q) =>
      remittances(q, "HN-IB"),
    );
    expect(quarters).toEqual([10_671_346.58, 12_679_157.25, 13_048_549.78, 12_269_817.93]);
    // OCHA 2024, HN-IB (4 municipalities): 82,374 people.
    // 82,374 × 590 = 48,600,660; 48,668,871.54 − 48,600,660 = 68,211.54; 68,211.54 ÷ 82,374
    // = 0.828 → 590.83 USD per person.
    const rate = rateOf(
      ratePerCapita({
        value: 48_668_871.54,
        valueYear: 2024,
        denominator: findDenominator(population, { department: "HN-IB" }),
        sources,
      }),
    );
    expect(rate.rate).toBeCloseTo(590.83, 2);
    expect(rate.base).toBe(1);
    expect(rate.denominator.population).toBe(82_374);
    expect(rate.denominator.year).toBe(2024);
    expect(rate.denominator.source.id).toBe("ocha-cod-ps-hnd-2024");
    expect(rate.denominator.licence.name).toBe("HDX COD-PS");
    expect(rate.denominator.estimated).toBeNull();
    expect(rate.yearMismatch).toBeNull();
  });

  it("gives Cortés' 2024 remittances per person, worked by hand", () => {
    // BCH 2024, HN-CR: 359,750,149.75 + 421,199,003.89 + 416,980,800.52 + 418,616,160.99
    // = 1,616,546,115.15 USD. OCHA 2024, HN-CR (HN05): 1,920,704 people.
    // 1,920,704 × 841 = 1,615,312,064; remainder 1,234,051.15 ÷ 1,920,704 = 0.6425 → 841.64.
    const rate = rateOf(
      ratePerCapita({
        value: 1_616_546_115.15,
        valueYear: 2024,
        denominator: findDenominator(population, { department: "HN-CR", sex: "" }),
        sources,
      }),
    );
    expect(rate.denominator.population).toBe(1_920_704);
    expect(rate.rate).toBeCloseTo(841.64, 2);
  });

  it("gives a rate per 100,000 for a sex and an exact age group", () => {
    // 30 women aged 60+ in Atlántida, whose 2024 women of 60+ number 26,742 (OCHA, HN01):
    // 30 ÷ 26,742 × 100,000 = 112.18.
    const rate = rateOf(
      ratePer100k({
        value: 30,
        valueYear: 2024,
        denominator: findDenominator(population, {
          department: "HN-AT",
          sex: "female",
          ageGroup: "60+",
        }),
        sources,
      }),
    );
    expect(rate.denominator.population).toBe(26_742);
    expect(rate.rate).toBeCloseTo(112.18, 2);
  });

  it("flags a year mismatch, with both years, and says so in Spanish and English", () => {
    // A 2019 value on the 2024 population: 1,000 ÷ 82,374 × 100,000 = 1,213.98.
    const rate = ratePer100k({
      value: 1000,
      valueYear: 2019,
      denominator: findDenominator(population, { department: "HN-IB" }),
      sources,
    });
    expect(rateOf(rate).rate).toBeCloseTo(1213.98, 2);
    expect(rateOf(rate).yearMismatch).toEqual({ valueYear: 2019, denominatorYear: 2024 });
    expect(describeRate(rate, createI18n("es").t, "es")).toEqual([
      "Población de 2024: OCHA, población 2024 (HDX) (licencia: HDX COD-PS).",
      "Tasa de 2019 calculada con población de 2024.",
    ]);
    expect(describeRate(rate, createI18n("en").t, "en")).toEqual([
      "2024 population: OCHA, population 2024 (HDX) (licence: HDX COD-PS).",
      "2019 rate computed with 2024 population.",
    ]);
  });

  it("marks a rate on an estimated age group as estimated, with the rule", () => {
    // Children 0–17 in Islas de la Bahía, estimated 30,570 (see population.test.ts):
    // 100 ÷ 30,570 × 100,000 = 327.12.
    const rate = ratePer100k({
      value: 100,
      valueYear: 2024,
      denominator: findDenominator(population, { department: "HN-IB", ageGroup: "0-17" }),
      sources,
    });
    expect(rateOf(rate).denominator.population).toBe(30_570);
    expect(rateOf(rate).rate).toBeCloseTo(327.12, 2);
    expect(rateOf(rate).denominator.estimated?.es).toMatch(/^ESTIMADO/);
    expect(describeRate(rate, createI18n("es").t, "es")[1]).toMatch(
      /^Población estimada: ESTIMADO, no exacto/,
    );
  });

  it("gives the national population when no department is named", () => {
    expect(findDenominator(population, {})?.population).toBe(9_892_674);
    expect(findDenominator(population, { department: null, sex: "male" })?.population).toBe(
      4_811_493,
    );
  });
});

describe("no denominator, no rate: never a guess", () => {
  it.each([
    ["an unknown department", { department: "HN-XX" }],
    ["a department written as a name, not a code", { department: "Cortés" }],
    ["a sex other than female or male", { sex: "other" }],
    ["an age group five-year bands cannot give", { ageGroup: "0-5" }],
    ["12–17", { department: "HN-AT", ageGroup: "12-17" }],
  ])("%s", (_what, query) => {
    expect(findDenominator(population, query)).toBeNull();
    const rate = ratePer100k({
      value: 10,
      valueYear: 2024,
      denominator: findDenominator(population, query),
      sources,
    });
    expect(rate).toEqual({ kind: "no_rate", reason: "no_denominator" });
    expect(describeRate(rate, createI18n("es").t, "es")).toEqual([
      "Sin tasa: no hay población para este grupo; no se divide por una cifra supuesta.",
    ]);
  });

  it("a missing value, a population of zero, or a source that is not registered", () => {
    const denominator = findDenominator(population, { department: "HN-IB" });
    expect(ratePer100k({ value: null, valueYear: 2024, denominator, sources })).toEqual({
      kind: "no_rate",
      reason: "no_value",
    });
    expect(
      ratePer100k({
        value: 5,
        valueYear: 2024,
        denominator: { population: 0, year: 2024, source: "ocha-cod-ps-hnd-2024", estimated: null },
        sources,
      }),
    ).toEqual({ kind: "no_rate", reason: "no_population" });
    expect(
      ratePer100k({
        value: 5,
        valueYear: 2024,
        denominator: { population: 10, year: 2024, source: "somewhere", estimated: null },
        sources,
      }),
    ).toEqual({ kind: "no_rate", reason: "unknown_source" });
  });
});
