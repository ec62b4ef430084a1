import { describe, expect, it } from "vitest";
import { bundledSources } from "../../../src/lib/observations/bundled-sources";
import { keptArtefacts } from "../../../src/lib/sdmx/kept-artefacts";
import type { ExportObservation } from "../../../src/lib/sdmx/observation-attributes";
import { splitDataflows } from "../../../src/lib/sdmx/split-dataflows";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();

function place(observation: Partial<ExportObservation> & Pick<ExportObservation, "indicator_id">) {
  return splitDataflows(
    [
      {
        period: "2020",
        value: 10,
        dimensions: {},
        obs_status: "normal",
        source: null,
        note: null,
        ...observation,
      },
    ],
    catalog,
    keptArtefacts,
    bundledSources,
  );
}

describe("observations as SDMX rows", () => {
  it("writes a UNODC `<5` as no number: empty OBS_VALUE, status Q, the bound in COMMENT_OBS", () => {
    const { sdg } = place({
      indicator_id: "trafficking-victims-detected-unodc",
      value: null,
      obs_status: "censored",
      note: "<5",
      dimensions: { sex: "female", age_group: "18+" },
    });
    expect(sdg[0]).toMatchObject({
      SERIES: "VC_HTF_DETV",
      REF_AREA: "340",
      SEX: "F",
      AGE: "Y_GE18",
      OBS_VALUE: "",
      OBS_STATUS: "Q",
      COMMENT_OBS: "<5",
      UNIT_MEASURE: "NUMBER",
      UNIT_MULT: "0",
    });
  });

  it("keeps a blank value blank with status O, and a provisional one P", () => {
    expect(
      place({ indicator_id: "missing-migrants-recorded", period: "2026-Q2", value: null }).sdg[0],
    ).toMatchObject({ FREQ: "Q", SERIES: "SM_DTH_MIGR", OBS_VALUE: "", OBS_STATUS: "O" });
    expect(
      place({ indicator_id: "homicide-rate", value: 31.5, obs_status: "provisional" }).sdg[0],
    ).toMatchObject({ OBS_VALUE: "31.5", OBS_STATUS: "P", UNIT_MEASURE: "PER_100000_POP" });
  });

  it("splits trafficking victims by form of exploitation into the SDG's own series", () => {
    const row = (exploitation: string) =>
      place({
        indicator_id: "trafficking-victims-detected-unodc",
        dimensions: { exploitation },
      });
    expect(row("sexual_exploitation").sdg[0]?.SERIES).toBe("VC_HTF_DETVSX");
    expect(row("forced_labour").sdg[0]?.SERIES).toBe("VC_HTF_DETVFL");
    const other = row("other_purposes");
    expect(other.sdg).toEqual([]);
    expect(other.national[0]).toMatchObject({
      INDICATOR: "trafficking-victims-detected-unodc",
      EXPLOITATION: "other_purposes",
    });
    expect(other.keptNational[0]?.reason).toMatch(/organ removal/);
  });

  it("sends rows the SDG structure cannot say to the national dataflow, saying why", () => {
    const corridor = place({
      indicator_id: "remittance-cost-usd200",
      period: "2020-Q3",
      dimensions: { geography: "USA" },
    });
    expect(corridor.sdg).toEqual([]);
    expect(corridor.national[0]).toMatchObject({ COUNTERPART_AREA: "USA", FREQ: "Q" });
    expect(corridor.keptNational[0]?.reason).toMatch(/^geography: /);
    const total = place({ indicator_id: "remittance-cost-usd200", period: "2020-Q3", value: 5.1 });
    expect(total.sdg[0]).toMatchObject({
      SERIES: "SI_RMT_COST",
      REF_AREA: "340",
      UNIT_MEASURE: "PT",
    });
    // SM_DTH_MIGR's constraint allows no breakdown by sex.
    const bySex = place({
      indicator_id: "missing-migrants-recorded",
      period: "2025-Q1",
      dimensions: { sex: "male" },
    });
    expect(bySex.sdg).toEqual([]);
    expect(bySex.national[0]).toMatchObject({ SEX: "M" });
  });

  it("uses the destination country as REF_AREA where the figures are its own", () => {
    const { sdg, keptNational } = place({
      indicator_id: "occupational-injuries-migrant-workers",
      dimensions: { geography: "ESP", sex: "female" },
    });
    expect(sdg[0]).toMatchObject({
      SERIES: "SL_EMP_FTLINJUR",
      REF_AREA: "724",
      COMPOSITE_BREAKDOWN: "MS_MIGRANT",
      SEX: "F",
      UNIT_MEASURE: "PER_100000_EMP",
    });
    expect(keptNational).toEqual([]);
    expect(
      place({
        indicator_id: "occupational-injuries-migrant-workers",
        dimensions: { geography: "OTHER" },
      }).sdg,
    ).toEqual([]);
  });

  it("tells the two 10.7.2 domains apart and fixes the ages a series is defined for", () => {
    expect(
      place({ indicator_id: "migration-policy-score-migrant-rights", value: 3 }).sdg[0],
    ).toMatchObject({
      SERIES: "SG_CPA_MIGRS",
      COMPOSITE_BREAKDOWN: "PD_1",
      UNIT_MEASURE: "NUMBER",
    });
    expect(
      place({ indicator_id: "migration-policy-score-socioeconomic-wellbeing", value: 3 }).sdg[0],
    ).toMatchObject({ COMPOSITE_BREAKDOWN: "PD_4" });
    expect(place({ indicator_id: "birth-registration-under-5", value: 94 }).sdg[0]).toMatchObject({
      AGE: "Y0T4",
    });
    expect(
      place({ indicator_id: "account-ownership-adults", value: 38, dimensions: { sex: "male" } })
        .sdg[0],
    ).toMatchObject({ AGE: "Y_GE15", SEX: "M" });
  });

  it("keeps national indicators whole in the national dataflow, with our own codes", () => {
    const { sdg, national } = place({
      indicator_id: "child-victims-complaint-filed-share",
      period: "2024-Q2",
      value: 30,
      dimensions: { age_group: "6-11", population_group: "unaccompanied" },
      source: "a ministry's register",
    });
    expect(sdg).toEqual([]);
    expect(national[0]).toMatchObject({
      FREQ: "Q",
      REF_AREA: "340",
      INDICATOR: "child-victims-complaint-filed-share",
      AGE: "Y6T11",
      POPULATION_GROUP: "unaccompanied",
      SEX: "_T",
      DEPARTMENT: "_T",
      UNIT_MEASURE: "percent",
      OBS_STATUS: "A",
      SOURCE_DETAIL: "a ministry's register",
    });
  });

  it("names a registered source in full, with its licence", () => {
    const { sdg } = place({
      indicator_id: "refugees-from-honduras-per-100k",
      value: 1010.33,
      source: "unhcr-refugees-2025.12.1",
    });
    expect(sdg[0]?.SOURCE_DETAIL).toMatch(
      /^Office of the United Nations High Commissioner for Refugees \(UNHCR\): .*Licence: CC BY 4\.0\. \[unhcr-refugees-2025\.12\.1\]$/,
    );
  });

  it("neutralises free text a spreadsheet would run as a formula", () => {
    const { national } = place({
      indicator_id: "children-in-detention",
      period: "2024-Q2",
      note: "=1+1",
    });
    expect(national[0]?.COMMENT_OBS).toBe("'=1+1");
  });
});
