import type { Finding } from "./findings";
import { type Grid, type GridRow, isBlank } from "./grid";
import { mapHeader } from "./header-map";
import { isPeriodHeader } from "./wide-layout";

export interface LocatedTable {
  header: string[];
  headerRow: number;
  records: GridRow[];
  /** Non-blank rows above the header (report titles) and after the data (notes), skipped and listed. */
  titleRows: number[];
  noteRows: number[];
}

export const filled = (row: GridRow) => row.cells.filter((c) => c.trim() !== "").length;

export function looksLikeHeader(row: GridRow): boolean {
  const cells = row.cells.map((c) => c.trim());
  const canonical = mapHeader(cells).filter((c) => c !== null).length;
  const periods = new Set(cells.filter(isPeriodHeader)).size;
  const filledCells = cells.filter((c) => c !== "").length;
  // A wide header is mostly periods; a data row merely holding a few years is not.
  return canonical >= 2 || (periods >= 3 && periods * 2 >= filledCells);
}

/**
 * Finds the table inside what a spreadsheet exported: the header is the first row that names
 * known columns (or several periods, for a wide layout); rows above it are titles; rows after
 * the last row with two or more filled cells are notes.
 */
export function locateTable(grid: Grid): LocatedTable {
  const rows = grid.filter((r) => !isBlank(r));
  let headerIndex = rows.findIndex(looksLikeHeader);
  if (headerIndex < 0) headerIndex = rows.findIndex((r) => filled(r) >= 2);
  if (headerIndex < 0)
    return { header: [], headerRow: 1, records: [], titleRows: [], noteRows: [] };
  const headerRow = rows[headerIndex] as GridRow;
  const after = rows.slice(headerIndex + 1);
  let lastData = after.length - 1;
  while (lastData >= 0 && filled(after[lastData] as GridRow) < 2) lastData--;
  return {
    header: headerRow.cells.map((h) => h.trim()),
    headerRow: headerRow.row,
    records: after.slice(0, lastData + 1),
    titleRows: rows.slice(0, headerIndex).map((r) => r.row),
    noteRows: after.slice(lastData + 1).map((r) => r.row),
  };
}

/** The notes saying which rows above the header (titles) and after the data (notes) were skipped. */
export function skippedRowsFindings(
  file: string,
  titleRows: readonly number[],
  noteRows: readonly number[],
): Finding[] {
  const findings: Finding[] = [];
  if (titleRows.length > 0)
    findings.push({
      severity: "info",
      code: "skipped_title_rows",
      file,
      detail: { rows: titleRows.join(", ") },
    });
  if (noteRows.length > 0)
    findings.push({
      severity: "info",
      code: "skipped_note_rows",
      file,
      detail: { rows: `${noteRows[0]}–${noteRows.at(-1)}`, count: noteRows.length },
    });
  return findings;
}
