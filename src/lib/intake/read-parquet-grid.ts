import type { ParquetWasm } from "../parquet/parquet-codec";
import { arrowColumnText } from "./arrow-column-text";
import type { Grid } from "./grid";
import { readParquetTable } from "./read-parquet-table";

/** A Parquet file as a grid: the column names as row 1, then one row per record. */
export function readParquetGrid(pq: ParquetWasm, bytes: Uint8Array): Grid {
  const table = readParquetTable(pq, bytes);
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => {
    const column = table.getChild(name);
    return column ? arrowColumnText(column) : Array.from({ length: table.numRows }, () => "");
  });
  const grid: Grid = [{ row: 1, cells: names }];
  // `numRows` sums over the record batches on every read: read once, not once per row.
  const rows = table.numRows;
  for (let i = 0; i < rows; i++) {
    const cells = new Array<string>(columns.length);
    for (let c = 0; c < columns.length; c++) cells[c] = columns[c]?.[i] ?? "";
    grid.push({ row: i + 2, cells });
  }
  return grid;
}
