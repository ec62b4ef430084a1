import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { type IntakeResult, inspectFile, maxFileBytes } from "../../../src/lib/intake/inspect-file";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/${name}`));
const inspect = (name: string, bytes: Uint8Array, options = {}) =>
  inspectFile(catalog, name, bytes, options);
const codes = (r: IntakeResult) => r.findings.map((f) => [f.severity, f.code, f.row, f.column]);
const info = (r: IntakeResult, code: string) => r.findings.find((f) => f.code === code)?.detail;

describe("inspectFile: files people really have", () => {
  it("reads Spanish-locale Excel CSV: Windows-1252, `;`, decimal comma, titles and notes", async () => {
    const r = await inspect("trimestre.csv", fixture("excel-es-windows-1252.csv"));
    expect(r.errors).toBe(0);
    expect(info(r, "decoded_as")).toEqual({ encoding: "windows-1252", delimiter: ";" });
    expect(info(r, "number_format")).toEqual({ decimal: "," });
    expect(info(r, "skipped_title_rows")).toEqual({ rows: "1, 2" });
    expect(info(r, "skipped_note_rows")).toEqual({ rows: "11–12", count: 2 });
    expect(r.headerRow).toBe(4);
    expect(
      r.observations.map((o) => [o.row, o.indicator_id, o.period, o.value, o.dimensions]),
    ).toEqual([
      [5, "returnees-received", "2025-Q1", 7312, {}],
      [6, "returnees-received", "2025-Q1", 1843, { sex: "female" }],
      [7, "returnees-received", "2025-Q1", 5469, { sex: "male" }],
      [8, "reintegration-rate", "2025-Q1", 21.5, {}],
      [9, "reintegration-rate", "2025-Q1", null, { sex: "female" }],
    ]);
    expect(r.observations[0]?.note).toBe("Cifra preliminar");
  });

  it("lists every silent fix: trimmed spaces, normalised periods, recoded categories", async () => {
    const r = await inspect("trimestre.csv", fixture("excel-es-windows-1252.csv"));
    expect(r.fixes.map((f) => [f.kind, f.from, f.to, f.count, f.firstRow])).toEqual([
      ["period_normalised", "I trimestre 2025", "2025-Q1", 5, 5],
      ["trimmed", "Mujeres ", "Mujeres", 1, 6],
      ["recoded", "Mujeres", "female", 2, 6],
      ["recoded", "Hombres", "male", 1, 7],
    ]);
  });

  it("reads UTF-8 with a BOM and tab-separated files", async () => {
    const bom = await inspect("bom.csv", fixture("utf8-bom.csv"));
    expect(info(bom, "decoded_as")).toEqual({ encoding: "utf-8-bom", delimiter: "," });
    expect(bom.observations).toHaveLength(2);
    const tab = await inspect("tab.tsv", fixture("tab-separated.tsv"));
    expect(info(tab, "decoded_as")).toEqual({ encoding: "utf-8", delimiter: "tab" });
    expect(tab.errors).toBe(0);
  });

  it("is not fooled into reading decimal commas as the delimiter of a `;` file", async () => {
    const text =
      "indicador;periodo;valor;sexo\nreintegration-rate;2025-Q1;21,5;\nreintegration-rate;2025-Q1;30,25;female\n";
    const r = await inspect("coma.csv", new TextEncoder().encode(text));
    expect(info(r, "decoded_as")).toEqual({ encoding: "utf-8", delimiter: ";" });
    expect(r.observations.map((o) => o.value)).toEqual([21.5, 30.25]);
  });

  it("reshapes a wide file, one column per quarter, keeping `..` as missing", async () => {
    const r = await inspect("wide.csv", fixture("wide-quarters.csv"));
    expect(r.errors).toBe(0);
    expect(info(r, "reshaped_wide")).toEqual({ columns: 4 });
    expect(r.observations).toHaveLength(8);
    expect(
      r.observations.filter((o) => o.value === null).map((o) => [o.period, o.dimensions]),
    ).toEqual([
      ["2024-Q3", {}],
      ["2024-Q3", { sex: "female" }],
    ]);
  });

  it("finds duplicate keys, also when two spellings recode to the same code", async () => {
    const r = await inspect("dup.csv", fixture("duplicate-keys.csv"));
    expect(codes(r).filter(([s]) => s === "error")).toEqual([
      ["error", "duplicate_key", 3, undefined],
      ["error", "duplicate_key", 5, undefined],
    ]);
  });

  it("reads the chosen sheet of an XLSX workbook, skipping title rows", async () => {
    const bytes = await writeXlsxFile([
      { sheet: "Notas", data: [[{ value: "Notas" }], [{ value: "Hoja sin datos" }]] },
      {
        sheet: "Datos",
        data: [
          [{ value: "Informe DINAF" }],
          [],
          [{ value: "Indicador" }, { value: "Periodo" }, { value: "Valor" }, { value: "Grupo" }],
          [
            { value: "children-in-alternatives" },
            { value: "2025-T1" },
            { value: 412 },
            { value: "" },
          ],
          [
            { value: "children-in-alternatives" },
            { value: "2025-T1" },
            { value: 180 },
            { value: "No acompañados" },
          ],
        ],
      },
    ]).toBuffer();
    const r = await inspect("dinaf.xlsx", new Uint8Array(bytes));
    expect(r.format).toBe("xlsx");
    expect(r.sheets).toEqual(["Notas", "Datos"]);
    expect(r.sheet).toBe("Datos");
    expect(r.errors).toBe(0);
    expect(r.observations.map((o) => [o.row, o.value, o.dimensions])).toEqual([
      [4, 412, {}],
      [5, 180, { population_group: "unaccompanied" }],
    ]);
  });

  it("refuses an empty file, a file over the size limit, and a broken workbook, with the reason", async () => {
    expect(codes(await inspect("empty.csv", new Uint8Array()))).toEqual([
      ["error", "empty_file", undefined, undefined],
    ]);
    const huge = { byteLength: maxFileBytes + 1 } as Uint8Array;
    expect((await inspect("huge.csv", huge)).findings[0]).toMatchObject({
      code: "file_too_large",
      detail: { limit: 200 },
    });
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await inspect("roto.xlsx", broken)).findings[0]).toMatchObject({
      code: "unreadable_file",
      detail: { format: "xlsx" },
    });
  });

  it("lets the officer map columns by hand and set the indicator for a file without one", async () => {
    const bytes = new TextEncoder().encode("Trimestre,Casos atendidos,Genero\n2025-Q1,10,F\n");
    const before = await inspect("x.csv", bytes);
    expect(
      before.findings.filter((f) => f.code === "missing_column").map((f) => f.detail?.column),
    ).toEqual(["indicator_id", "value"]);
    const after = await inspect("x.csv", bytes, {
      mapping: { 1: "value", 2: "sex" },
      constants: { indicator_id: "trafficking-victims-identified" },
    });
    expect(after.errors).toBe(0);
    expect(after.observations[0]).toMatchObject({
      indicator_id: "trafficking-victims-identified",
      value: 10,
      dimensions: { sex: "female" },
    });
  });
});
