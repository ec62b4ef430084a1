import Papa from "papaparse";
import type { Grid } from "./grid";

export type Delimiter = "," | ";" | "\t";

/** Parses CSV text, detecting the delimiter, keeping blank lines so row numbers match the spreadsheet. */
export function readCsvGrid(text: string): { grid: Grid; delimiter: Delimiter } {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(withoutBom, {
    skipEmptyLines: false,
    delimitersToGuess: [",", ";", "\t"],
  });
  const delimiter = ([",", ";", "\t"] as const).find((d) => d === parsed.meta.delimiter) ?? ",";
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
