import { type Table, tableFromIPC } from "apache-arrow";
import { type ParquetWasm, parquetToArrowIpc } from "../parquet/parquet-codec";

const read = new WeakMap<Uint8Array, Table>();

/**
 * A Parquet file as an Arrow table, decoded once per file's bytes: the reading in parts looks at
 * it first (how many rows?) and the whole reading uses the same table when the file is small.
 */
export function readParquetTable(pq: ParquetWasm, bytes: Uint8Array): Table {
  const known = read.get(bytes);
  if (known) return known;
  const table = tableFromIPC(parquetToArrowIpc(pq, bytes));
  read.set(bytes, table);
  return table;
}
