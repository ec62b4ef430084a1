import Papa from "papaparse";
import type { Grid } from "./grid";

export type Delimiter = "," | ";" | "\t";

const candidates: readonly Delimiter[] = [";", "\t", ","];

/**
 * The delimiter most rows agree on. Papa's own guess is fooled by Spanish-locale files, where
 * decimal commas inside `;`-separated rows make commas look consistent in the data rows.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text
    .split(/\r?\n/, 60)
    .filter((line) => line.trim() !== "")
    .join("\n");
  let best: { delimiter: Delimiter; agreeing: number; fields: number } = {
    delimiter: ",",
    agreeing: 0,
    fields: 0,
  };
  for (const delimiter of candidates) {
    const counts = Papa.parse<string[]>(sample, { delimiter, skipEmptyLines: true }).data.map(
      (r) => r.length,
    );
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 1) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    for (const [fields, agreeing] of frequency) {
      if (agreeing > best.agreeing || (agreeing === best.agreeing && fields > best.fields)) {
        best = { delimiter, agreeing, fields };
      }
    }
  }
  return best.delimiter;
}

const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * Where the quoted field opened at `open` closes (a doubled quote is a quote inside it), or the
 * text's length if it never does. Quotes open a field only at its start, as Papa reads them.
 */
export function closingQuote(text: string, open: number): number {
  for (let i = text.indexOf('"', open + 1); i >= 0; i = text.indexOf('"', i + 2))
    if (text.charCodeAt(i + 1) !== quote) return i;
  return text.length;
}

/**
 * The first record (numbered as the spreadsheet numbers rows) with more than `limit` fields, found
 * by counting delimiters outside quotes before anything is parsed, so that a hostile line of a
 * million fields is refused without building a million cells. Only lines of at least `limit`
 * characters are looked at: a record made wide by quoted line breaks between short lines is
 * still refused, by the grid check after parsing.
 */
export function firstRowWiderThan(
  text: string,
  delimiter: Delimiter,
  limit: number,
): number | null {
  // Most files have no line that long, and finding that out is cheap.
  let longest = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    longest = Math.max(longest, stop - start);
    if (end < 0 || longest >= limit) break;
    start = end + 1;
  }
  if (longest < limit) return null;
  const separator = delimiter.charCodeAt(0);
  let row = 1;
  let fields = 1;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote && atFieldStart) {
      i = closingQuote(text, i);
      atFieldStart = false;
    } else if (c === separator) {
      fields++;
      if (fields > limit) return row;
      atFieldStart = true;
    } else if (c === lineFeed || c === carriageReturn) {
      if (c === carriageReturn && text.charCodeAt(i + 1) === lineFeed) i++;
      row++;
      fields = 1;
      atFieldStart = true;
    } else atFieldStart = false;
  }
  return null;
}

/** A quote Papa could not make sense of: one never closed, or a quoted cell going on after its closing quote. */
export interface QuoteProblem {
  code: "unterminated_quote" | "malformed_quote";
  row: number;
}

/** Parses CSV text, detecting the delimiter, keeping blank lines so row numbers match the spreadsheet. */
export function readCsvGrid(
  text: string,
  chosen?: Delimiter,
): {
  grid: Grid;
  delimiter: Delimiter;
  quoteProblems: QuoteProblem[];
} {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = chosen ?? detectDelimiter(withoutBom);
  const parsed = Papa.parse<string[]>(withoutBom, { skipEmptyLines: false, delimiter });
  const grid = parsed.data.map((cells, index) => ({ row: index + 1, cells }));
  // A final newline gives Papa one empty record that is not a row of the spreadsheet.
  if (grid.length > 0 && grid.at(-1)?.cells.length === 1 && grid.at(-1)?.cells[0] === "")
    grid.pop();
  const quoteProblems: QuoteProblem[] = [];
  for (const error of parsed.errors) {
    if (error.code !== "MissingQuotes" && error.code !== "InvalidQuotes") continue;
    const code = error.code === "MissingQuotes" ? "unterminated_quote" : "malformed_quote";
    const row = (error.row ?? 0) + 1;
    if (!quoteProblems.some((p) => p.row === row)) quoteProblems.push({ code, row });
    else if (code === "unterminated_quote")
      // Papa reports a never-closed quote after the misplaced one it saw first: the first says more.
      for (const p of quoteProblems) if (p.row === row) p.code = code;
  }
  return { grid, delimiter, quoteProblems };
}

export interface CsvTable {
  /** Header cells as written in the file. */
  header: string[];
  /** Data records with their spreadsheet row numbers. */
  records: { row: number; cells: string[] }[];
}

/** The first non-blank row as header and the non-blank rows after it as records. */
export function readCsv(text: string): CsvTable {
  const nonEmpty = readCsvGrid(text).grid.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
  const [headerRow, ...records] = nonEmpty;
  return { header: headerRow?.cells.map((h) => h.trim()) ?? [], records };
}
