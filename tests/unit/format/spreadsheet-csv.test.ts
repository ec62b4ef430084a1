import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  spreadsheetCsv,
  spreadsheetFileName,
  spreadsheetHeader,
} from "../../../src/lib/format/spreadsheet-csv";

const columns = [
  { label: "Departamento", code: "department" },
  { label: "Valor", code: "value" },
  { label: "Nota" },
];
const rows = [
  ["Atlántida", 1234.5, '=HYPERLINK("x")'],
  ["Francisco Morazán", -3, "uno; dos"],
  ["Cortés", null, ""],
];

describe("spreadsheetCsv: a CSV the user's Excel opens as columns", () => {
  it("from a Spanish page: BOM, `;`, Spanish headers with codes, decimal comma, CRLF", () => {
    const csv = spreadsheetCsv("es", columns, rows);
    expect(csv).toBe(
      "\uFEFFDepartamento (department);Valor (value);Nota\r\n" +
        'Atlántida;1234,5;"\'=HYPERLINK(""x"")"\r\n' +
        'Francisco Morazán;-3;"uno; dos"\r\n' +
        "Cortés;;\r\n",
    );
  });

  it("from an English page: commas and decimal points, still UTF-8 with a BOM", () => {
    const csv = spreadsheetCsv("en", [{ label: "Value", code: "value" }], [[1234.5], [null]]);
    expect(csv).toBe("\uFEFFValue (value)\r\n1234.5\r\n\r\n");
  });

  it("reads back, split on `;` as a Spanish-locale spreadsheet splits it, to the same cells", () => {
    const csv = spreadsheetCsv("es", columns, rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const { data } = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(data).toEqual([
      ["Departamento (department)", "Valor (value)", "Nota"],
      ["Atlántida", "1234,5", '\'=HYPERLINK("x")'],
      ["Francisco Morazán", "-3", "uno; dos"],
      ["Cortés", "", ""],
    ]);
  });

  it("writes a header's code beside its label only where they differ", () => {
    expect(spreadsheetHeader({ label: "Sexo", code: "sex" })).toBe("Sexo (sex)");
    expect(spreadsheetHeader({ label: "LGBTI", code: "LGBTI" })).toBe("LGBTI");
    expect(spreadsheetHeader({ label: "Serie" })).toBe("Serie");
  });

  it("names files without spaces or accents", () => {
    expect(spreadsheetFileName("financiamiento-Unión Europea (UE)")).toBe(
      "financiamiento-Union-Europea-UE.csv",
    );
    expect(spreadsheetFileName("plantilla-2026-Q1_2025", "xlsx")).toBe(
      "plantilla-2026-Q1_2025.xlsx",
    );
    expect(spreadsheetFileName("  ")).toBe("datos.csv");
  });
});
