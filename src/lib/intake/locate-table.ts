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
 * Where the table is, decided row by row as rows arrive (a large file is read in parts): the
 * header is the first row `isHeader` accepts; rows above it are titles; rows after the last row
 * with two or more filled cells are notes, so such rows wait until a fuller row settles them.
 */
export function tableTracker(isHeader: (row: GridRow) => boolean) {
  const titleRows: number[] = [];
  let header: GridRow | null = null;
  let pending: GridRow[] = [];
  return {
    header: () => header,
    titleRows: () => titleRows,
    /** The trailing rows with fewer than two filled cells: notes, once no fuller row follows. */
    notes: () => pending,
    /** The data rows this row settles: none while it may still be a note. */
    place(row: GridRow): GridRow[] {
      if (isBlank(row)) return [];
      if (!header) {
        if (isHeader(row)) header = row;
        else titleRows.push(row.row);
        return [];
      }
      if (filled(row) < 2) {
        pending.push(row);
        return [];
      }
      const settled = [...pending, row];
      pending = [];
      return settled;
    },
  };
}

/**
 * Finds the table inside what a spreadsheet exported: the header is the first row that names
 * known columns (or several periods, for a wide layout), else the first with two filled cells;
 * rows above it are titles; rows after the last row with two or more filled cells are notes.
 */
export function locateTable(grid: Grid): LocatedTable {
  for (const isHeader of [looksLikeHeader, (r: GridRow) => filled(r) >= 2]) {
    const table = tableTracker(isHeader);
    const records = grid.flatMap((row) => table.place(row));
    const header = table.header();
    if (header)
      return {
        header: header.cells.map((h) => h.trim()),
        headerRow: header.row,
        records,
        titleRows: table.titleRows(),
        noteRows: table.notes().map((r) => r.row),
      };
  }
  return { header: [], headerRow: 1, records: [], titleRows: [], noteRows: [] };
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
