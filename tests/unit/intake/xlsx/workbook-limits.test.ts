import { describe, expect, it } from "vitest";
import { inspectFile } from "../../../../src/lib/intake/inspect-file";
import { maxCellChars, maxColumns } from "../../../../src/lib/intake/limits";
import { buildXlsx } from "../../../helpers/build-xlsx";
import { projectCatalog } from "../../../helpers/catalog";

const catalog = projectCatalog();
const header =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator_id</t></is></c><c r="B1" t="inlineStr"><is><t>period</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c><c r="D1" t="inlineStr"><is><t>note</t></is></c></row>';
const row = (n: number, extra = "") =>
  `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>returnees-received</t></is></c><c r="B${n}" t="inlineStr"><is><t>2031-Q1</t></is></c><c r="C${n}"><v>${n}</v></c>${extra}</row>`;
const codes = (r: Awaited<ReturnType<typeof inspectFile>>) =>
  r.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.row, f.column]);

describe("a workbook's cells and columns past Excel's limits", () => {
  it("names the row and column of a cell longer than 32,767 characters", async () => {
    const long = `<c r="D3" t="inlineStr"><is><t>${"x".repeat(maxCellChars + 1)}</t></is></c>`;
    const bytes = buildXlsx({ sheets: [{ name: "Datos", rows: header + row(2) + row(3, long) }] });
    const r = await inspectFile(catalog, "largo.xlsx", bytes);
    expect(codes(r)).toContainEqual(["cell_too_long", 3, "D"]);
  });

  it("refuses a row reaching column XFD, without widening every row to it", async () => {
    const far = '<c r="XFD3"><v>1</v></c>';
    const bytes = buildXlsx({ sheets: [{ name: "Datos", rows: header + row(2) + row(3, far) }] });
    const r = await inspectFile(catalog, "ancho.xlsx", bytes);
    expect(codes(r)).toEqual([["too_many_columns", 3, undefined]]);
    expect(r.findings.find((f) => f.code === "too_many_columns")?.detail).toEqual({
      columns: 16_384,
      limit: maxColumns,
    });
  });
});
