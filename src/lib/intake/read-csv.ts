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

/** Parses CSV text, detecting the delimiter, keeping blank lines so row numbers match the spreadsheet. */
export function readCsvGrid(text: string): { grid: Grid; delimiter: Delimiter } {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(withoutBom);
  const parsed = Papa.parse<string[]>(withoutBom, { skipEmptyLines: false, delimiter });
  const grid = parsed.data.map((cells, index) => ({ row: index + 1, cells }));
  // A final newline gives Papa one empty record that is not a row of the spreadsheet.
  if (grid.length > 0 && grid.at(-1)?.cells.length === 1 && grid.at(-1)?.cells[0] === "")
    grid.pop();
  return { grid, delimiter };
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
