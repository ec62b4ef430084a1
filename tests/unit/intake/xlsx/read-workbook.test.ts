import { describe, expect, it } from "vitest";
import { readWorkbookSheets } from "../../../../src/lib/intake/xlsx/read-workbook";
import { buildXlsx } from "../../../helpers/build-xlsx";

const cellsOf = (bytes: Uint8Array, sheet = 0) =>
  readWorkbookSheets(bytes)[sheet]?.grid.map((r) => [r.row, ...r.cells]);

describe("the streaming workbook reader", () => {
  it("reads shared strings with rich-text runs joined and phonetic guides left out", () => {
    const bytes = buildXlsx({
      sharedStrings: [
        "<t>indicator_id</t>",
        "<r><t>Ret</t></r><r><rPr><b/></rPr><t>ornados</t></r>",
        '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>',
        '<t xml:space="preserve">  espacios  </t>',
      ],
      sheets: [
        {
          name: "Datos",
          rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>',
        },
      ],
    });
    expect(cellsOf(bytes)).toEqual([
      [1, "indicator_id", "Retornados"],
      [2, "東京", "espacios"],
    ]);
  });

  it("reads inline strings, formula text, booleans, numbers and error values", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Hoja1",
          rows:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Niñez &amp; «migración»</t></is></c>' +
            '<c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>' +
            '<c r="C1" t="str"><f>A1&amp;""</f><v>calc_x000D_ulado</v></c>' +
            '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>' +
            '<c r="F1"><v>1.5E-3</v></c><c r="G1" t="n"><v>9000</v></c>' +
            '<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I1"><v>-2.25</v></c></row>',
        },
      ],
    });
    expect(cellsOf(bytes)).toEqual([
      [
        1,
        "Niñez & «migración»",
        "ab",
        "calc\rulado",
        "true",
        "false",
        "0.0015",
        "9000",
        "",
        "-2.25",
      ],
    ]);
  });

  it("places sparse cells by reference and numbers rows as Excel does, each row ending at its last value", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Hoja1",
          rows:
            '<row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c><c r="C3"><v>3</v></c></row>' +
            '<row r="5"><c r="B5"><v>5</v></c></row>' +
            '<row r="6"><c r="A6" t="e"><v>#N/A</v></c></row>',
        },
      ],
    });
    expect(cellsOf(bytes)).toEqual([[1], [2], [3, "a", "", "3"], [4], [5, "", "5"]]);
  });

  it("widens only the row that holds a far cell, so a small file cannot grow into millions of cells", () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    rows.push('<row r="1001"><c r="XFD1001"><v>1</v></c></row>');
    const grid =
      readWorkbookSheets(buildXlsx({ sheets: [{ name: "A", rows: rows.join("") }] }))[0]?.grid ??
      [];
    expect(grid.map((r) => r.cells.length).reduce((a, b) => a + b, 0)).toBe(1000 + 16_384);
  });

  it("reads rows and cells written without references, one after another", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Hoja1",
          rows: "<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>",
        },
      ],
    });
    expect(cellsOf(bytes)).toEqual([
      [1, "1", "2"],
      [2, "3"],
    ]);
  });

  it("shows as ISO days the numbers whose style has a date format, in either date system", () => {
    // 45000 is 15 March 2023 counted from 30 December 1899; 43538 is the same day from 1 January 1904.
    const rows = (serial: number) =>
      `<row r="1"><c r="A1" s="1"><v>${serial}</v></c><c r="B1" s="2"><v>${serial}</v></c><c r="C1" s="3"><v>${serial}</v></c><c r="D1" s="4"><v>${serial}</v></c><c r="E1"><v>${serial}</v></c></row>`;
    const styles = {
      numFmts: { 164: "dd/mm/yyyy;@", 165: "#,##0.00" },
      cellStyles: [0, 14, 164, 165, 4],
    };
    expect(cellsOf(buildXlsx({ ...styles, sheets: [{ name: "F", rows: rows(45000) }] }))).toEqual([
      [1, "2023-03-15", "2023-03-15", "45000", "45000", "45000"],
    ]);
    expect(
      cellsOf(buildXlsx({ ...styles, date1904: true, sheets: [{ name: "F", rows: rows(43538) }] })),
    ).toEqual([[1, "2023-03-15", "2023-03-15", "43538", "43538", "43538"]]);
  });

  it("reads elements with a namespace prefix, and parts in any order in the archive", () => {
    const parts = {
      sharedStrings: ["<t>valor</t>"],
      sheets: [
        {
          name: "x",
          prefix: "x",
          rows: '<x:row r="1"><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>',
        },
      ],
    };
    expect(cellsOf(buildXlsx(parts))).toEqual([[1, "", "valor"]]);
    expect(cellsOf(buildXlsx({ ...parts, partsFirst: true }))).toEqual([[1, "", "valor"]]);
  });

  it("gives every sheet in tab order, with its name", () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "Léame",
          rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>nota</t></is></c></row>',
        },
        { name: "Datos", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: "Vacía", rows: "" },
      ],
    });
    const sheets = readWorkbookSheets(bytes);
    expect(sheets.map((s) => [s.name, s.grid.length])).toEqual([
      ["Léame", 1],
      ["Datos", 1],
      ["Vacía", 0],
    ]);
  });

  it("refuses what is no workbook or is broken, with an error instead of a wrong grid", () => {
    const good = buildXlsx({
      sheets: [{ name: "A", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
    });
    expect(() => readWorkbookSheets(good.slice(0, Math.floor(good.byteLength / 2)))).toThrow();
    const missingString = buildXlsx({
      sheets: [{ name: "A", rows: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }],
    });
    expect(() => readWorkbookSheets(missingString)).toThrow(/shared string 7/);
    const rowsBackwards = buildXlsx({
      sheets: [
        {
          name: "A",
          rows: '<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>',
        },
      ],
    });
    expect(() => readWorkbookSheets(rowsBackwards)).toThrow(/out of order/);
    const unclosed = buildXlsx({
      sheets: [{ name: "A", rows: '<row r="1"><c r="A1"><v>1</v></c>' }],
    });
    expect(() => readWorkbookSheets(unclosed)).toThrow();
  });

  it("stops past the unpacked-size limit, whatever the archive's directory declares", async () => {
    const { unzipParts } = await import("../../../../src/lib/intake/xlsx/unzip-parts");
    const bytes = buildXlsx({
      sheets: [{ name: "A", rows: `<row r="1"><c r="A1"><v>${"9".repeat(5000)}</v></c></row>` }],
    });
    expect(() => unzipParts(bytes, () => () => {}, 4096)).toThrow(/more than/);
  });
});
