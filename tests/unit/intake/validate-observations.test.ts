import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/lib/i18n/create-i18n";
import { describeFinding } from "../../../src/lib/intake/describe-finding";
import { parseNumber } from "../../../src/lib/intake/parse-number";
import { readCsv } from "../../../src/lib/intake/read-csv";
import { validateObservations } from "../../../src/lib/intake/validate-observations";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const validate = (text: string) => validateObservations(catalog, readCsv(text), "trimestre.csv");

describe("validateObservations", () => {
  it("accepts a clean file with Spanish headers and semicolons, keeping blanks as totals", () => {
    const { findings, observations } = validate(
      "indicador;periodo;valor;sexo\nreturnees-received;T1 2024;1200;\nreturnees-received;2024-Q1;300;female\n",
    );
    expect(findings).toEqual([]);
    expect(observations.map((o) => [o.period, o.value, o.dimensions])).toEqual([
      ["2024-Q1", 1200, {}],
      ["2024-Q1", 300, { sex: "female" }],
    ]);
  });

  it("names the spreadsheet row and the column of every problem", () => {
    const { findings, observations } = validate(
      [
        "indicator_id,period,value,sex",
        "no-such-indicator,2024-Q1,1,",
        "returnees-received,2024-Q5,1,",
        "returnees-received,2024,1,",
        "returnees-received,2024-Q2,mil,",
        "reintegration-rate,2024-Q2,140,",
        "returnees-received,2024-Q3,-4,",
        "returnees-received,2024-Q4,2.5,",
        "returnees-received,2023-Q4,7,other",
        "remittance-cost-usd200,2020-Q1,4,male",
        "returnees-received,2023-Q1,7,",
        "returnees-received,2023-Q1,8,",
      ].join("\n"),
    );
    expect(findings.map((f) => [f.row, f.column, f.code])).toEqual([
      [2, "indicator_id", "unknown_indicator"],
      [3, "period", "impossible_period"],
      [4, "period", "wrong_periodicity"],
      [5, "value", "non_numeric_value"],
      [6, "value", "above_maximum"],
      [7, "value", "below_minimum"],
      [8, "value", "fractional_count"],
      [9, "sex", "code_not_allowed"],
      [10, "sex", "disaggregation_not_allowed"],
      [12, undefined, "duplicate_key"],
    ]);
    expect(observations).toHaveLength(1);
  });

  it("refuses a unit that is not the indicator's, and accepts its spellings", () => {
    const { findings } = validate(
      "indicador,periodo,valor,unidad\nreintegration-rate,2024-Q1,20,%\nreintegration-rate,2024-Q2,20,personas\nreturnees-received,2024-Q1,9,Personas\n",
    );
    expect(findings.map((f) => [f.row, f.column, f.code, f.detail])).toEqual([
      [3, "unidad", "unit_mismatch", { expected: "percent" }],
    ]);
  });

  it("keeps missing markers as missing values, never zero", () => {
    const { findings, observations } = validate(
      "indicador,periodo,valor\nreturnees-received,2024-Q1,..\nreturnees-received,2024-Q2,n/d\n",
    );
    expect(observations.map((o) => o.value)).toEqual([null, null]);
    expect(findings.every((f) => f.severity === "info" && f.code === "missing_value")).toBe(true);
  });

  it("stops at a missing required column and says which", () => {
    const { findings, observations } = validate("indicador,valor\nreturnees-received,5\n");
    expect(findings).toContainEqual({
      severity: "error",
      code: "missing_column",
      file: "trimestre.csv",
      row: 1,
      detail: { column: "period" },
    });
    expect(observations).toEqual([]);
  });

  it("counts rows as the spreadsheet does when blank lines come first", () => {
    const { findings } = validate("\n\nindicador,periodo,valor\nfoo,2024-Q1,1\n");
    expect(findings[0]).toMatchObject({ row: 4, code: "unknown_indicator" });
  });

  it("explains each finding in Spanish and in English", () => {
    const [finding] = validate("indicador,periodo,valor\nfoo,2024-Q1,1\n").findings;
    if (!finding) throw new Error("no finding");
    expect(describeFinding(finding, createI18n("es").t)).toBe(
      "Error · trimestre.csv, fila 2, columna «indicador» (valor «foo»): El indicador no existe en el catálogo. Use el identificador de un indicador de la página Catálogo (enlace en esta página) o elija el indicador en «Indicador para todas las filas».",
    );
    expect(describeFinding(finding, createI18n("en").t)).toContain("row 2, column “indicador”");
  });
});

describe("parseNumber", () => {
  it.each([
    ["12", { kind: "number", value: 12 }],
    [" 3.5 ", { kind: "number", value: 3.5 }],
    ["-4.546", { kind: "number", value: -4.546 }],
    ["..", { kind: "missing" }],
    ["", { kind: "missing" }],
    ["N/D", { kind: "missing" }],
    ["-", { kind: "missing" }],
    ["abc", { kind: "invalid" }],
    ["12abc", { kind: "invalid" }],
  ])("reads %j", (text, expected) => {
    expect(parseNumber(text)).toEqual(expected);
  });
});
