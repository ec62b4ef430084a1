/** A row of cells as text, numbered as the officer's spreadsheet numbers it. */
export interface GridRow {
  row: number;
  cells: string[];
}

/** A decoded file before we know where its table starts: every row, in order. */
export type Grid = GridRow[];

export function isBlank(row: GridRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}
