import type { Table } from "apache-arrow";
import type { Catalog } from "../catalog/schema";
import type { ParquetWasm } from "../parquet/parquet-codec";
import { arrowColumnText } from "./arrow-column-text";
import { checkRowsInParts, type PartsOptions, type RowsPart } from "./check-rows-in-parts";
import type { Finding } from "./findings";
import type { GridRow } from "./grid";
import type { PartsOutcome } from "./read-csv-in-parts";
import { readParquetTable } from "./read-parquet-table";

/** Parquet files with this many rows are checked in parts; smaller ones whole. */
export const parquetPartsFromRows = 100_000;
export const defaultPartRows = 65_536;

export interface ParquetPartsOptions extends PartsOptions {
  partRows: number;
  /** Files with fewer rows are left to the whole reading. */
  fromRows: number;
}

/**
 * The rows of a file's Arrow batches as text cells, about `partRows` at a time: the column names
 * as row 1, then one row per record, as `readParquetGrid` gives them all at once.
 */
function* parquetParts(table: Table, partRows: number): Generator<RowsPart> {
  const names = table.schema.fields.map((f) => f.name);
  yield { rows: [{ row: 1, cells: names }], mayHoldHidden: true, fraction: 0 };
  const total = table.numRows;
  let done = 0;
  let rows: GridRow[] = [];
  for (const batch of table.batches) {
    const columns = names.map((name) => {
      const column = batch.getChild(name);
      return column ? arrowColumnText(column) : null;
    });
    const count = batch.numRows;
    for (let i = 0; i < count; i++) {
      const cells = new Array<string>(columns.length);
      for (let c = 0; c < columns.length; c++) cells[c] = columns[c]?.[i] ?? "";
      rows.push({ row: done + i + 2, cells });
    }
    done += count;
    if (rows.length >= partRows) {
      yield { rows, mayHoldHidden: true, fraction: done / total };
      rows = [];
    }
  }
  if (rows.length > 0) yield { rows, mayHoldHidden: true, fraction: 1 };
}

/**
 * Checks a large Parquet file a few tens of thousands of rows at a time (`checkRowsInParts`):
 * its rows never exist all at once as text cells. Null when the file is small or cannot be read
 * (the whole reading then reports it as it does), or whatever the parts cannot decide.
 */
export function readParquetInParts(
  catalog: Catalog,
  file: string,
  pq: ParquetWasm,
  bytes: Uint8Array,
  info: Finding[],
  options: ParquetPartsOptions,
): PartsOutcome | null {
  let table: Table;
  try {
    table = readParquetTable(pq, bytes);
  } catch {
    return null;
  }
  if (table.numRows < options.fromRows) return null;
  return checkRowsInParts(
    catalog,
    file,
    parquetParts(table, options.partRows),
    null,
    info,
    options,
  );
}
