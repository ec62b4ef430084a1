/**
 * Workbooks written part by part, as XML, so tests can hold what real writers produce and no
 * library writes: inline strings, rich text, phonetic runs, the 1904 date system, custom date
 * formats, error and formula cells, rows and cells without references, namespace prefixes.
 */
import { zipSync } from "fflate";

export interface SheetPart {
  name: string;
  /** The rows inside `<sheetData>`, as XML. */
  rows: string;
  /** The element names' prefix, e.g. "x" for `<x:row>`; none by default. */
  prefix?: string;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** Each `<si>` element's inner XML, e.g. `<t>Valor</t>`. */
  sharedStrings?: string[];
  /** Custom number formats by id, e.g. { 164: "dd/mm/yyyy" }. */
  numFmts?: Record<number, string>;
  /** The number format of each cell style (`s` attribute), in order; style 0 is "General". */
  cellStyles?: number[];
  date1904?: boolean;
  /** Order of the parts in the archive: by default the sheets come before the strings and styles, as Excel writes them. */
  partsFirst?: boolean;
}

const encoder = new TextEncoder();
const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function sheetXml(sheet: SheetPart): string {
  const p = sheet.prefix ? `${sheet.prefix}:` : "";
  const ns = sheet.prefix ? `xmlns:${sheet.prefix}="${main}"` : `xmlns="${main}"`;
  return `${declaration}<${p}worksheet ${ns}><${p}sheetData>${sheet.rows}</${p}sheetData></${p}worksheet>`;
}

function workbookXml(parts: WorkbookParts): string {
  const sheets = parts.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const pr = parts.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>";
  return `${declaration}<workbook xmlns="${main}" xmlns:r="${relationships}">${pr}<sheets>${sheets}</sheets></workbook>`;
}

function relsXml(parts: WorkbookParts): string {
  const sheets = parts.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${relationships}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const n = parts.sheets.length;
  return `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}<Relationship Id="rId${n + 1}" Type="${relationships}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

function stylesXml(parts: WorkbookParts): string {
  const formats = Object.entries(parts.numFmts ?? {});
  const numFmts = formats.length
    ? `<numFmts count="${formats.length}">${formats
        .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`)
        .join("")}</numFmts>`
    : "";
  const styles = parts.cellStyles ?? [0];
  const xfs = styles.map((id) => `<xf numFmtId="${id}" fontId="0" xfId="0"/>`).join("");
  return `${declaration}<styleSheet xmlns="${main}">${numFmts}<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${styles.length}">${xfs}</cellXfs></styleSheet>`;
}

function sharedStringsXml(strings: readonly string[]): string {
  return `${declaration}<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si>${s}</si>`)
    .join("")}</sst>`;
}

/** The workbook as .xlsx bytes. */
export function buildXlsx(parts: WorkbookParts): Uint8Array {
  const sheets: [string, Uint8Array][] = parts.sheets.map((s, i) => [
    `xl/worksheets/sheet${i + 1}.xml`,
    encoder.encode(sheetXml(s)),
  ]);
  const described: [string, Uint8Array][] = [
    ["xl/workbook.xml", encoder.encode(workbookXml(parts))],
    ["xl/_rels/workbook.xml.rels", encoder.encode(relsXml(parts))],
  ];
  const shared: [string, Uint8Array][] = [
    ["xl/styles.xml", encoder.encode(stylesXml(parts))],
    ["xl/sharedStrings.xml", encoder.encode(sharedStringsXml(parts.sharedStrings ?? []))],
  ];
  const ordered = parts.partsFirst
    ? [...described, ...shared, ...sheets]
    : [...described, ...sheets, ...shared];
  return zipSync(Object.fromEntries(ordered));
}
