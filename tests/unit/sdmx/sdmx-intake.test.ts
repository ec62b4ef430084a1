import { describe, expect, it } from "vitest";
import { type IntakeResult, inspectFile } from "../../../src/lib/intake/inspect-file";
import { isSdmxCsvHeader, sdmxCsvVersion } from "../../../src/lib/sdmx/read-sdmx-table";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const inspect = (text: string) => inspectFile(catalog, "sdmx.csv", new TextEncoder().encode(text));
const errors = (r: IntakeResult) =>
  r.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.row, f.column, f.value]);
const warnings = (r: IntakeResult) =>
  r.findings.filter((f) => f.severity === "warning").map((f) => [f.code, f.column]);
const brief = (r: IntakeResult) =>
  r.observations.map((o) => [o.row, o.indicator_id, o.period, o.value, o.dimensions, o.obs_status]);

const sdgHeader =
  "DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,AGE,URBANISATION,INCOME_WEALTH_QUANTILE,EDUCATION_LEV,OCCUPATION,CUST_BREAKDOWN,COMPOSITE_BREAKDOWN,DISABILITY_STATUS,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,UNIT_MEASURE,COMMENT_OBS,SOURCE_DETAIL";
const sdg = (cells: string) => `IAEG-SDGs:DF_SDG_GLC(1.14),${cells}`;
const nationalHeader =
  "DATAFLOW,FREQ,REF_AREA,INDICATOR,SEX,AGE,POPULATION_GROUP,MIGRATION_STATUS,DISABILITY_STATUS,COUNTERPART_AREA,DEPARTMENT,EXPLOITATION,CASE_STATUS,TOPIC,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,COMMENT_OBS,SOURCE_DETAIL";

describe("SDMX-CSV in the intake", () => {
  it("knows SDMX-CSV by its header, 1.0 from 2.0, and leaves other tables alone", () => {
    expect(sdmxCsvVersion(["DATAFLOW", "SERIES", "TIME_PERIOD", "OBS_VALUE"])).toBe("1.0");
    expect(sdmxCsvVersion(["STRUCTURE", "STRUCTURE_ID", "ACTION", "OBS_VALUE"])).toBe("2.0");
    expect(sdmxCsvVersion(["DATAFLOW: Dataflow", "OBS_VALUE"])).toBe("1.0");
    expect(isSdmxCsvHeader(["indicator_id", "period", "value", "sex"])).toBe(false);
    expect(isSdmxCsvHeader(["DATAFLOW", "SERIES", "TIME_PERIOD"])).toBe(false);
  });

  it("reads SDG rows back into our indicators and codes, then checks them like any upload", async () => {
    const r = await inspect(
      [
        sdgHeader,
        sdg("A,N,VC_HTF_DETVSX,340,F,Y0T17,_T,_T,_T,_T,_T,_T,_T,_T,_T,2019,12,A,0,NUMBER,,"),
        sdg("A,N,VC_HTF_DETV,340,M,Y_GE18,_T,_T,_T,_T,_T,_T,_T,_T,_T,2019,,Q,0,NUMBER,<5,"),
        sdg("A,N,SG_CPA_MIGRS,340,_T,_T,_T,_T,_T,_T,_T,PD_4,_T,_T,_T,2021,3,A,0,NUMBER,,"),
        sdg(
          "A,N,SL_EMP_FTLINJUR,840,F,_T,_T,_T,_T,_T,_T,MS_MIGRANT,_T,_T,_T,2021,2.5,E,0,PER_100000_EMP,,",
        ),
        sdg("Q,N,SI_RMT_COST,340,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,2020-Q3,5.41,P,0,PT,,"),
      ].join("\n"),
    );
    expect(errors(r)).toEqual([]);
    expect(r.findings.find((f) => f.code === "sdmx_read")?.detail).toEqual({
      version: "1.0",
      dataflows: "IAEG-SDGs:DF_SDG_GLC(1.14): 5",
    });
    expect(brief(r)).toEqual([
      [
        2,
        "trafficking-victims-detected-unodc",
        "2019",
        12,
        { sex: "female", age_group: "0-17", exploitation: "sexual_exploitation" },
        "normal",
      ],
      [
        3,
        "trafficking-victims-detected-unodc",
        "2019",
        null,
        { sex: "male", age_group: "18+" },
        "censored",
      ],
      [4, "migration-policy-score-socioeconomic-wellbeing", "2021", 3, {}, "normal"],
      [
        5,
        "occupational-injuries-migrant-workers",
        "2021",
        2.5,
        { sex: "female", geography: "USA" },
        "estimated",
      ],
      [6, "remittance-cost-usd200", "2020-Q3", 5.41, {}, "provisional"],
    ]);
    expect(r.observations[1]?.note).toBe("<5");
    expect(r.header[3]).toBe("SERIES");
    expect(r.columns[3]).toBe("indicator_id");
  });

  it("makes every series or code the mapping does not know an error naming row and column", async () => {
    const r = await inspect(
      [
        sdgHeader,
        sdg("A,N,SI_POV_DAY1,340,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,2019,12,A,0,PT,,"),
        sdg("A,N,VC_HTF_DETV,340,F,Y6T14,_T,_T,_T,_T,_T,_T,_T,_T,_T,2019,3,A,0,NUMBER,,"),
        sdg("A,N,VC_HTF_DETV,340,_T,_T,U,_T,_T,_T,_T,_T,_T,_T,_T,2019,3,A,0,NUMBER,,"),
        sdg("A,N,VC_HTF_DETV,320,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,2019,3,Q,0,PT,,"),
        "ESTAT:NAMA_10_GDP(1.0),A,N,VC_HTF_DETV,340,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,2019,3,A,0,NUMBER,,",
        sdg("A,N,SG_CPA_MIGRS,340,_T,_T,_T,_T,_T,_T,_T,PD_2,_T,_T,_T,2021,3,A,0,NUMBER,,"),
        sdg("A,N,VC_HTF_DETV,340,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,2019,4,X,0,NUMBER,,"),
      ].join("\n"),
    );
    expect(errors(r)).toEqual([
      ["sdmx_unknown_series", 2, "SERIES", "SI_POV_DAY1"],
      ["sdmx_unmapped_code", 3, "AGE", "Y6T14"],
      ["sdmx_unmapped_code", 4, "URBANISATION", "U"],
      ["sdmx_unmapped_code", 5, "REF_AREA", "320"],
      ["unit_mismatch", 5, "UNIT_MEASURE", "PT"],
      ["sdmx_status_with_value", 5, "OBS_VALUE", "3"],
      ["sdmx_unknown_dataflow", 6, "DATAFLOW", "ESTAT:NAMA_10_GDP(1.0)"],
      ["sdmx_unmapped_code", 7, "COMPOSITE_BREAKDOWN", "PD_2"],
      ["sdmx_unmapped_code", 8, "OBS_STATUS", "X"],
    ]);
    expect(r.observations).toEqual([]);
  });

  it("validates the translated rows as any upload is validated", async () => {
    const r = await inspect(
      [
        sdgHeader,
        sdg("A,N,FB_BNK_ACCSS,340,F,Y_GE15,_T,_T,_T,_T,_T,_T,_T,_T,_T,2021,120,A,0,PT,,"),
      ].join("\n"),
    );
    expect(errors(r)).toEqual([["above_maximum", 2, "OBS_VALUE", "120"]]);
  });

  it("reads the national dataflow, our codes included, and refuses codes outside the catalog", async () => {
    const r = await inspect(
      [
        nationalHeader,
        "HN:DF_GCM_MONITOR(1.0),Q,340,child-victims-complaint-filed-share,_T,Y6T11,unaccompanied,_T,_T,_T,_T,_T,_T,_T,2025-Q1,40,percent,0,A,,Secretaría",
        "HN:DF_GCM_MONITOR(1.0),Q,340,child-victims-complaint-filed-share,_T,_T,stateless,_T,_T,_T,_T,_T,_T,_T,2025-Q1,40,percent,0,A,,",
        "HN:DF_GCM_MONITOR(1.0),Q,340,no-such-indicator,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,2025-Q1,40,percent,0,A,,",
      ].join("\n"),
    );
    expect(errors(r)).toEqual([
      ["sdmx_unmapped_code", 3, "POPULATION_GROUP", "stateless"],
      ["sdmx_unknown_series", 4, "INDICATOR", "no-such-indicator"],
    ]);
    expect(brief(r)).toEqual([
      [
        2,
        "child-victims-complaint-filed-share",
        "2025-Q1",
        40,
        { age_group: "6-11", population_group: "unaccompanied" },
        "normal",
      ],
    ]);
    expect(r.observations[0]?.source).toBe("Secretaría");
  });

  it("applies UNIT_MULT exactly, reads labels=both and `;` files with decimal commas", async () => {
    const mult = await inspect(
      [
        "DATAFLOW;COUNTERPART_AREA: Counterpart area;AGE: Age;INDICATOR: Indicator;FREQ;REF_AREA;TIME_PERIOD;OBS_VALUE;UNIT_MULT;OBS_STATUS",
        "HN:DF_GCM_MONITOR(1.0): GCM Monitor;USA: United States;_T: Total;remittance-inflows-usd;Q;340;2025-Q1;1,25;6;A: Normal value",
      ].join("\n"),
    );
    expect(errors(mult)).toEqual([]);
    expect(brief(mult)).toEqual([
      [2, "remittance-inflows-usd", "2025-Q1", 1250000, { geography: "USA" }, "normal"],
    ]);
  });

  it("warns about columns it does not keep, missing dimensions and other versions", async () => {
    const r = await inspect(
      [
        "DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,TIME_PERIOD,OBS_VALUE,NATURE,SERIESKEY",
        "IAEG-SDGs:DF_SDG_GLH(1.20),A,N,SM_POP_REFG_OR,340,2024,1010.33,C,x",
      ].join("\n"),
    );
    expect(errors(r)).toEqual([]);
    expect(r.observations).toHaveLength(1);
    expect(warnings(r)).toEqual([
      ["sdmx_version_differs", "DATAFLOW"],
      ...[
        "SEX",
        "AGE",
        "URBANISATION",
        "INCOME_WEALTH_QUANTILE",
        "EDUCATION_LEV",
        "OCCUPATION",
        "CUST_BREAKDOWN",
        "COMPOSITE_BREAKDOWN",
        "DISABILITY_STATUS",
        "ACTIVITY",
        "PRODUCT",
      ].map((c) => ["sdmx_missing_dimension", c]),
      ["sdmx_ignored_attribute", "NATURE"],
      ["unknown_column", "SERIESKEY"],
    ]);
  });

  it("refuses SDMX-CSV 2.0 with a message saying which version to send", async () => {
    const r = await inspect(
      "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,SERIES,TIME_PERIOD,OBS_VALUE\ndataflow,IAEG-SDGs:DF_SDG_GLC(1.14),I,A,SM_POP_REFG_OR,2024,1\n",
    );
    expect(errors(r)).toEqual([["sdmx_csv_version", 1, "STRUCTURE", undefined]]);
  });
});
