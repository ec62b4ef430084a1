/**
 * Broken and hostile files, generated in memory (nothing big is committed): what an officer's
 * upload box may receive by accident or on purpose. Every case must be refused by the intake
 * with an error an officer can act on, without a crash or a hang, and must change nothing.
 * Used by the hostile-input tests and by `gcm selfcheck`.
 */

import { type ArrowModule, type ColumnValues, columnsToIpc } from "../db/columns-to-ipc";
import type { FindingCode } from "../intake/findings";
import { arrowIpcToParquet, type ParquetWasm } from "../parquet/parquet-codec";
import { seededRandom } from "../seeded-random";

export interface HostileCase {
  /** Short identifier, e.g. `truncated-xlsx`. */
  name: string;
  /** What the file is, in a few words. */
  description: string;
  /** The name the officer's file has (its extension may lie). */
  fileName: string;
  bytes: Uint8Array;
  /** The intake must report at least one error with one of these codes. */
  expectedCodes: readonly FindingCode[];
}

export type Cell = string | number;

export interface CorpusTools {
  arrow: ArrowModule;
  parquet: ParquetWasm;
  /** Writes one sheet of cells as an .xlsx workbook. */
  xlsx(rows: readonly (readonly Cell[])[]): Promise<Uint8Array>;
}

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function randomBytes(seed: number, length: number): Uint8Array {
  const random = seededRandom(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** Quotes a cell for CSV when it needs it. */
function csvCell(cell: Cell): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}

/** A small file the catalog accepts: a quarter of returnees, total and by sex, with a quoted note. */
export const validRows: readonly (readonly Cell[])[] = [
  ["indicator_id", "period", "value", "sex", "note"],
  ["returnees-received", "2031-Q1", 9000, "", "Cifra preliminar, revisada"],
  ["returnees-received", "2031-Q1", 2100, "female", ""],
  ["returnees-received", "2031-Q1", 6900, "male", ""],
];

/** The valid rows plus one whose indicator the catalog does not know. */
const withBadRow: readonly (readonly Cell[])[] = [
  ...validRows,
  ["no-such-indicator", "2031-Q1", 1, "", ""],
];

function parquetOf(tools: CorpusTools, rows: readonly (readonly Cell[])[]): Uint8Array {
  const [header = [], ...data] = rows;
  const columns: Record<string, ColumnValues> = {};
  header.forEach((name, i) => {
    columns[String(name)] = { kind: "text", values: data.map((r) => String(r[i] ?? "")) };
  });
  return arrowIpcToParquet(tools.parquet, columnsToIpc(tools.arrow, columns));
}

const header = "indicator_id,period,value,sex,note\n";

/** Text as UTF-16 little-endian with its byte order mark, as Excel saves "Unicode text". */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return bytes;
}

/**
 * A copy of a ZIP archive whose directory declares `size` unpacked bytes for every `.xml` part,
 * as a "zip bomb" does: a few kilobytes that claim gigabytes.
 */
export function declareUnpackedSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const name = (at: number, length: number) =>
    String.fromCharCode(...out.subarray(at, at + length));
  for (let i = 0; i + 46 <= out.byteLength; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && name(i + 30, view.getUint16(i + 26, true)).endsWith(".xml"))
      view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && name(i + 46, view.getUint16(i + 28, true)).endsWith(".xml"))
      view.setUint32(i + 24, size, true);
  }
  return out;
}

/** The corpus, built afresh (about 30 MB in memory, mostly the big cases). */
export async function buildHostileCorpus(tools: CorpusTools): Promise<HostileCase[]> {
  const validCsv = utf8(toCsv(validRows));
  const validXlsx = await tools.xlsx(validRows);
  const validParquet = parquetOf(tools, validRows);
  const badXlsx = await tools.xlsx(withBadRow);
  const badParquet = parquetOf(tools, withBadRow);
  const quoteAt = toCsv(validRows).indexOf('"Cifra') + 5;
  const periodAt = toCsv(validRows).lastIndexOf("2031-Q1") + 5;

  const cases: HostileCase[] = [
    {
      name: "random-bytes-csv",
      description: "64 KiB of random bytes named .csv",
      fileName: "aleatorio.csv",
      bytes: randomBytes(1, 65_536),
      expectedCodes: ["control_character", "mixed_encoding", "missing_column", "empty_file"],
    },
    {
      name: "random-bytes-xlsx",
      description: "a ZIP signature followed by random bytes, named .xlsx",
      fileName: "aleatorio.xlsx",
      bytes: concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), randomBytes(2, 8_192)),
      expectedCodes: ["unreadable_file"],
    },
    {
      name: "random-bytes-parquet",
      description: "PAR1 … random … PAR1, named .parquet",
      fileName: "aleatorio.parquet",
      bytes: concat(utf8("PAR1"), randomBytes(3, 8_192), utf8("PAR1")),
      expectedCodes: ["unreadable_file"],
    },
    {
      name: "truncated-csv-in-quotes",
      description: "a valid CSV cut inside a quoted note",
      fileName: "cortado.csv",
      bytes: validCsv.slice(0, quoteAt),
      expectedCodes: ["unterminated_quote"],
    },
    {
      name: "truncated-csv-mid-row",
      description: "a valid CSV cut in the middle of the last row's period",
      fileName: "cortado2.csv",
      bytes: validCsv.slice(0, periodAt),
      expectedCodes: ["unparseable_period"],
    },
    {
      name: "truncated-xlsx",
      description: "a valid workbook cut at 60 %",
      fileName: "cortado.xlsx",
      bytes: validXlsx.slice(0, Math.floor(validXlsx.byteLength * 0.6)),
      expectedCodes: ["unreadable_file"],
    },
    {
      name: "truncated-parquet",
      description: "a valid Parquet file cut at 60 %",
      fileName: "cortado.parquet",
      bytes: validParquet.slice(0, Math.floor(validParquet.byteLength * 0.6)),
      expectedCodes: ["unreadable_file"],
    },
    {
      name: "xlsx-named-csv",
      description: "a workbook (with one unknown indicator) named .csv",
      fileName: "libro.csv",
      bytes: badXlsx,
      expectedCodes: ["unknown_indicator"],
    },
    {
      name: "csv-named-xlsx",
      description: "CSV text (with one unknown indicator) named .xlsx",
      fileName: "texto.xlsx",
      bytes: utf8(toCsv(withBadRow)),
      expectedCodes: ["unknown_indicator"],
    },
    {
      name: "parquet-named-csv",
      description: "a Parquet file (with one unknown indicator) named .csv",
      fileName: "columnar.csv",
      bytes: badParquet,
      expectedCodes: ["unknown_indicator"],
    },
    {
      name: "zip-bomb-xlsx",
      description: "a workbook whose every XML part declares 3.75 GB unpacked",
      fileName: "bomba.xlsx",
      bytes: declareUnpackedSize(validXlsx, 0xf000_0000),
      expectedCodes: ["archive_too_large"],
    },
    {
      name: "utf16-unicode-text",
      description: 'Excel\'s "Unicode text" (UTF-16 with BOM, tabs) with one unknown indicator',
      fileName: "unicode.txt",
      bytes: utf16le(withBadRow.map((r) => r.join("\t")).join("\r\n")),
      expectedCodes: ["unknown_indicator"],
    },
    {
      name: "xls-binary",
      description: "an Excel 97-2003 (.xls) compound file header",
      fileName: "antiguo.xls",
      bytes: concat(
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        randomBytes(4, 4_096),
      ),
      expectedCodes: ["unsupported_file"],
    },
    {
      name: "r-data-bzip2",
      description: "an R data file, bzip2-compressed as UNHCR's refugees package ships them",
      fileName: "poblacion.rda",
      bytes: concat(utf8("BZh91AY&SY"), randomBytes(5, 4_096)),
      expectedCodes: ["unsupported_file"],
    },
    {
      name: "empty",
      description: "zero bytes",
      fileName: "vacio.csv",
      bytes: new Uint8Array(),
      expectedCodes: ["empty_file"],
    },
    {
      name: "bom-only",
      description: "only a UTF-8 byte order mark",
      fileName: "bom.csv",
      bytes: new Uint8Array([0xef, 0xbb, 0xbf]),
      expectedCodes: ["empty_file"],
    },
    {
      name: "delimiters-only",
      description: "rows of commas and nothing else",
      fileName: "comas.csv",
      bytes: utf8(",,,,\n,,,,\n;;;\n"),
      expectedCodes: ["empty_file"],
    },
    {
      name: "header-only",
      description: "the header row and no data",
      fileName: "encabezado.csv",
      bytes: utf8(header),
      expectedCodes: ["no_data_rows"],
    },
    {
      name: "million-columns",
      description: "one header row of 1,000,000 comma-separated names",
      fileName: "columnas.csv",
      bytes: utf8(
        `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",")}\n${"1,".repeat(999_999)}1\n`,
      ),
      expectedCodes: ["too_many_columns"],
    },
    {
      name: "million-period-columns",
      description: "a wide header of 1,000,000 periods",
      fileName: "periodos.csv",
      bytes: utf8(
        `indicator_id,${Array.from({ length: 1_000_000 }, (_, i) => `${2000 + (i % 100)}Q${1 + (i % 4)}`).join(",")}\nreturnees-received${",1".repeat(1_000_000)}\n`,
      ),
      expectedCodes: ["too_many_columns"],
    },
    {
      name: "ten-mb-cell",
      description: "a note of 10 MB in an otherwise valid file",
      fileName: "celda.csv",
      bytes: utf8(`${header}returnees-received,2031-Q1,9000,,${"x".repeat(10 * 1024 * 1024)}\n`),
      expectedCodes: ["cell_too_long"],
    },
    {
      name: "long-line-no-newline",
      description: "8 MB of words on one line, no delimiter, no newline",
      fileName: "linea.csv",
      bytes: utf8("palabra ".repeat(1024 * 1024)),
      expectedCodes: ["cell_too_long"],
    },
    {
      name: "long-line-of-fields",
      description: "a header and one data line of 50,000 fields, no final newline",
      fileName: "campos.csv",
      bytes: utf8(`${header}${"returnees-received,2031-Q1,".repeat(25_000)}`),
      expectedCodes: ["too_many_columns"],
    },
    {
      name: "slow-period",
      description:
        "periods padded with thousands of inner spaces (regular-expression backtracking)",
      fileName: "espacios.csv",
      bytes: utf8(
        `${header}${Array.from(
          { length: 200 },
          (_, i) => `returnees-received,2031${" ".repeat(30_000 + i)}x,1,,\n`,
        ).join("")}`,
      ),
      expectedCodes: ["unparseable_period"],
    },
    {
      name: "mixed-encodings",
      description: "one row in UTF-8 (ñ, é) and another in Windows-1252",
      fileName: "mezcla.csv",
      bytes: concat(
        utf8(`${header}returnees-received,2031-Q1,9000,,Niñez y café\n`),
        new Uint8Array([
          ...utf8("returnees-received,2031-Q1,2100,female,Ni"),
          0xf1,
          ...utf8("ez\n"),
        ]),
      ),
      expectedCodes: ["mixed_encoding"],
    },
    {
      name: "control-characters",
      description: "NUL, BEL, ESC and a lone carriage return inside cells",
      fileName: "control.csv",
      bytes: utf8(
        `${header}returnees-received,2031-Q1,9000,,nota\u0000oculta\nreturnees-received,2031-Q1,2100,female,\u0007campana \u001b[31mrojo\u001b[0m\nreturnees-received,2031-Q1,6900,ma\rle,\n`,
      ),
      expectedCodes: ["control_character"],
    },
    {
      name: "invisible-characters",
      description: "a zero-width space inside an indicator and a right-to-left override in a note",
      fileName: "invisibles.csv",
      bytes: utf8(
        `${header}returnees\u200b-received,2031-Q1,9000,,\nreturnees-received,2031-Q2,9000,,\u202etxt.exe\n`,
      ),
      expectedCodes: ["control_character"],
    },
    {
      name: "formula-cells",
      description: "=HYPERLINK(…), +cmd, -1+1 and @SUM(…) as values and notes",
      fileName: "formulas.csv",
      bytes: utf8(
        toCsv([
          ["indicator_id", "period", "value", "sex", "note"],
          ["returnees-received", "2031-Q1", '=HYPERLINK("http://example.com/x","ver")', "", ""],
          ["returnees-received", "2031-Q2", "+cmd|' /C calc'!A0", "", "=1+1"],
          ["returnees-received", "2031-Q3", "-1+1", "", "@SUM(A1:A9)"],
          ["returnees-received", "2031-Q4", "@SUM(A1:A9)", "", '=HYPERLINK("http://x")'],
        ]),
      ),
      expectedCodes: ["non_numeric_value"],
    },
    {
      name: "html-and-script",
      description: "<script> and <img onerror> in labels, headers and notes",
      fileName: "html.csv",
      bytes: utf8(
        toCsv([
          ["indicator_id", "period", "value", "sex", "note", "<b onmouseover=alert(1)>x</b>"],
          ["<script>alert(1)</script>", "2031-Q1", 1, "", "", ""],
          ["returnees-received", "2031-Q1", 9000, "<img src=x onerror=alert(1)>", "", ""],
          [
            "returnees-received",
            "2031-Q2",
            9000,
            "",
            "<script>alert(document.cookie)</script>",
            "",
          ],
        ]),
      ),
      expectedCodes: ["unknown_indicator", "code_not_allowed"],
    },
    {
      name: "sql-injection",
      description: "SQL in headers, indicators, codes and values",
      fileName: "sql.csv",
      bytes: utf8(
        toCsv([
          ["indicator_id", "period", "value", "sex", "note", "'); DROP TABLE observations;--"],
          ["'); DROP TABLE observations;--", "2031-Q1", 1, "", "", ""],
          ["returnees-received", "2031-Q1", 'value"; DELETE FROM observations;--', "", "", ""],
          ["returnees-received", "2031-Q2", 9000, "x' OR '1'='1", "'; DROP TABLE x;--", ""],
        ]),
      ),
      expectedCodes: ["unknown_indicator", "non_numeric_value", "code_not_allowed"],
    },
    {
      name: "prototype-names",
      description: "__proto__, constructor and prototype as headers and as values",
      fileName: "proto.csv",
      bytes: utf8(
        toCsv([
          ["indicator_id", "period", "value", "sex", "__proto__", "constructor", "prototype"],
          ["__proto__", "2031-Q1", 1, "", "x", "y", "z"],
          ["constructor", "prototype", "__proto__", "constructor", "", "", ""],
          ["returnees-received", "2031-Q1", 9000, "__proto__", "", "", ""],
          ["returnees-received", "2031-Q2", 9000, "hasOwnProperty", "", "", ""],
        ]),
      ),
      expectedCodes: ["unknown_indicator", "code_not_allowed", "unparseable_period"],
    },
    {
      name: "prototype-names-funding",
      description: "a funding file with __proto__ and constructor as commitment and currency",
      fileName: "fondos.csv",
      bytes: utf8(
        toCsv([
          ["commitment_id", "donor", "currency", "amount_committed", "period", "__proto__"],
          ["__proto__", "constructor", "constructor", 1, "2031", "x"],
          ["constructor", "__proto__", "__proto__", 1, "2031", "y"],
        ]),
      ),
      expectedCodes: ["unknown_commitment", "unknown_currency"],
    },
    {
      name: "duplicate-headers",
      description: "two columns both mapped to the value (valor, value)",
      fileName: "duplicado.csv",
      bytes: utf8(
        "indicator_id,period,valor,value\nreturnees-received,2031-Q1,9000,9100\nreturnees-received,2031-Q2,9000,8000\n",
      ),
      expectedCodes: ["duplicate_column"],
    },
    {
      name: "extreme-numbers",
      description: "1e309, hexadecimal, Arabic-Indic digits and 400-digit numbers as values",
      fileName: "numeros.csv",
      bytes: utf8(
        `${header}returnees-received,2031-Q1,1e309,,\nreturnees-received,2031-Q2,0x1A,,\nreturnees-received,2031-Q3,١٢٣,,\nreturnees-received,2031-Q4,${"9".repeat(400)},,\n`,
      ),
      expectedCodes: ["non_numeric_value"],
    },
    {
      name: "impossible-periods",
      description: "0000-Q1, 9999-Q4, 2031-Q9 and 2031-Q0 as periods",
      fileName: "periodos-raros.csv",
      bytes: utf8(
        `${header}returnees-received,0000-Q1,1,,\nreturnees-received,9999-Q4,1,,\nreturnees-received,2031-Q9,1,,\nreturnees-received,2031-Q0,1,,\n`,
      ),
      expectedCodes: ["impossible_period", "unparseable_period"],
    },
    {
      name: "parquet-hostile-names",
      description: "Parquet whose column names are SQL and __proto__, with one unknown indicator",
      fileName: "nombres.parquet",
      bytes: parquetOf(tools, [
        [
          "indicator_id",
          "period",
          "value",
          "__proto__",
          "'); DROP TABLE observations;--",
          'x" INTEGER); DROP TABLE observations;--',
        ],
        ["returnees-received", "2031-Q1", "9000", "a", "b", "c"],
        ["'; DELETE FROM observations;--", "2031-Q1", "1", "a", "b", "c"],
      ]),
      expectedCodes: ["unknown_indicator"],
    },
  ];
  return cases;
}
