import { tableFromIPC } from "apache-arrow";
import { type ParquetWasm, parquetToArrowIpc } from "../parquet/parquet-codec";
import type { Grid } from "./grid";

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "bigint") return value.toString();
  return String(value);
}

/** A Parquet file as a grid: the column names as row 1, then one row per record. */
export function readParquetGrid(pq: ParquetWasm, bytes: Uint8Array): Grid {
  const table = tableFromIPC(parquetToArrowIpc(pq, bytes));
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => table.getChild(name));
  const grid: Grid = [{ row: 1, cells: names }];
  for (let i = 0; i < table.numRows; i++) {
    grid.push({ row: i + 2, cells: columns.map((column) => cellText(column?.get(i))) });
  }
  return grid;
}
