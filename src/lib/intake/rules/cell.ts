import type { Finding } from "../findings";

/** A cell's trimmed text and the header name findings give for it. */
export interface Cell {
  text: string;
  column: string;
}

/** Where a finding about a cell points: the file, the spreadsheet row, the column, the value. */
export function cellPlace(
  file: string,
  row: number,
  cell: Cell,
): Pick<Finding, "file" | "row" | "column" | "value"> {
  return { file, row, column: cell.column, value: cell.text };
}
