import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { populationAsset } from "../../../scripts/derive/population-hnd";
import { bundledPopulation } from "../../../src/lib/rates/bundled-population";
import { projectCatalog } from "../../helpers/catalog";

const asset = bundledPopulation;
const sexes = ["total", "female", "male"] as const;

describe("population denominators (src/assets/population-hnd-2024.json)", () => {
  it("is OCHA's 2024 population, data source ocha-cod-ps-hnd-2024", () => {
    expect(asset.year).toBe(2024);
    expect(asset.source).toBe("ocha-cod-ps-hnd-2024");
    const sources = JSON.parse(readFileSync("data/sources.json", "utf8")) as { id: string }[];
    expect(sources.map((s) => s.id)).toContain(asset.source);
  });

  it("has the national total data/SOURCE.md states, 9,892,674 (sums of F_TL, M_TL: 5,081,181 and 4,811,493)", () => {
    expect(asset.national.total.total).toBe(9_892_674);
    expect(asset.national.female.total).toBe(5_081_181);
    expect(asset.national.male.total).toBe(4_811_493);
  });

  it("has the 18 departments of the catalog, adding up to the national figures", () => {
    const codes = projectCatalog()
      .dimensions.find((d) => d.id === "department")
      ?.codes.map((c) => c.code);
    expect(codes).toHaveLength(18);
    expect(Object.keys(asset.departments).sort()).toEqual([...(codes ?? [])].sort());
    for (const block of [asset, asset.estimated])
      for (const place of [block.national, ...Object.values(block.departments)])
        for (const [group, everyone] of Object.entries(place.total))
          expect((place.female[group] ?? Number.NaN) + (place.male[group] ?? Number.NaN)).toBe(
            everyone,
          );
    for (const block of [asset, asset.estimated])
      for (const sex of sexes)
        for (const [group, national] of Object.entries(block.national[sex])) {
          const sum = Object.values(block.departments).reduce(
            (total, d) => total + (d[sex][group] ?? Number.NaN),
            0,
          );
          expect(sum, `${sex} ${group}`).toBe(national);
        }
  });

  it("gives exactly the age groups five-year bands build, and 0–17, 18+ only as estimates", () => {
    expect(asset.ageGroups).toEqual(["total", "0-14", "60+"]);
    expect(asset.estimated.ageGroups).toEqual(["0-17", "18+"]);
    expect(asset.national.total["0-17"]).toBeUndefined();
    expect(asset.estimated.rule.es).toMatch(/^ESTIMADO/);
    expect(asset.estimated.rule.en).toMatch(/^ESTIMATED/);
  });

  it("gives Islas de la Bahía (HN11, 4 municipalities) the figures worked out by hand", () => {
    // OCHA's 4 municipalities of HN11, T_TL: Guanaja 6,351 + José Santos Guardiola 12,860 +
    // Roatán 57,800 + Utila 5,363 = 82,374.
    expect(asset.departments["HN-IB"]?.total.total).toBe(82_374);
    expect(asset.departments["HN-IB"]?.female.total).toBe(42_520);
    expect(asset.departments["HN-IB"]?.male.total).toBe(39_854);
    // Women 0–17, estimated: 0–4 4,366 + 5–9 4,197 + 10–14 4,140 = 12,703, plus 3/5 of
    // 15–19 4,088 = 2,452.8 → 2,453: 15,156; 18+ = 42,520 − 15,156 = 27,364.
    // Men: 4,535 + 4,307 + 4,182 = 13,024, plus 3/5 of 3,984 = 2,390.4 → 2,390: 15,414;
    // 18+ = 39,854 − 15,414 = 24,440. Both sexes: 30,570 and 51,804.
    expect(asset.estimated.departments["HN-IB"]).toEqual({
      total: { "0-17": 30_570, "18+": 51_804 },
      female: { "0-17": 15_156, "18+": 27_364 },
      male: { "0-17": 15_414, "18+": 24_440 },
    });
  });
});

describe("deriving the denominators refuses a file it cannot trust", () => {
  const header =
    "year,ISO3,ADM0_ES,ADM0_PCODE,ADM1_ES,ADM1_PCODE,ADM2_ES,ADM2_PCODE,F_TL,M_TL,T_TL," +
    ["F", "M", "T"]
      .flatMap((s) =>
        [
          "00_04",
          "05_09",
          "10_14",
          "15_19",
          "20_24",
          "25_29",
          "30_34",
          "35_39",
          "40_44",
          "45_49",
          "50_54",
          "55_59",
          "60_64",
          "65_69",
          "70_74",
          "75_79",
          "80Plus",
        ].map((b) => `${s}_${b}`),
      )
      .join(",");
  /** One municipality with 1 woman and 2 men in every band (17 and 34 people). */
  const row = (name: string, pcode: string, total = "51") =>
    `2024,HND,Honduras,HN,${name},${pcode},X,${pcode}01,17,34,${total},${[
      ...Array(17).fill(1),
      ...Array(17).fill(2),
      ...Array(17).fill(3),
    ].join(",")}`;
  const file = (rows: string[]) => [header, ...rows].join("\n");

  it("when a P-code and a name are different departments", () => {
    expect(() => populationAsset(file([row("Colon", "HN06")]), "t.csv")).toThrow(
      "t.csv line 2: P-code HN-CH and name HN-CL are different departments",
    );
  });

  it("when an unknown department appears", () => {
    expect(() => populationAsset(file([row("Tegucigalpa", "HN08")]), "t.csv")).toThrow(
      'unknown department "Tegucigalpa" in t.csv line 2',
    );
  });

  it("when both sexes are not women + men", () => {
    expect(() => populationAsset(file([row("Colon", "HN02", "52")]), "t.csv")).toThrow(
      "t.csv line 2: T_TL is not F_TL + M_TL",
    );
  });

  it("when a department has no municipality", () => {
    expect(() => populationAsset(file([row("Colon", "HN02")]), "t.csv")).toThrow(
      /t\.csv: no municipality in HN-AT, HN-CH, HN-CM/,
    );
  });
});
