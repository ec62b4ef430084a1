import Papa from "papaparse";

export interface CsvTable {
  /** Header cells as written in the file. */
  header: string[];
  /** Data records with their spreadsheet row numbers. */
  records: { row: number; cells: string[] }[];
}

/** Parses CSV text (delimiter detected), keeping the row numbers a spreadsheet would show. */
export function readCsv(text: string): CsvTable {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(withoutBom, {
    skipEmptyLines: false,
    delimitersToGuess: [",", ";", "\t"],
  });
  const rows = parsed.data.map((cells, index) => ({ row: index + 1, cells }));
  const nonEmpty = rows.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
  const [headerRow, ...records] = nonEmpty;
  return { header: headerRow?.cells.map((h) => h.trim()) ?? [], records };
}
