import type { ObservationColumn } from "../../observations/columns";
import type { FixLog } from "../fix-log";
import type { GridRow } from "../grid";
import type { Cell } from "./cell";
import type { TableLayout } from "./table-layout";

/** Reads one canonical column's cell of a row, trimmed; a trim is logged as a fix. */
export type CellReader = (record: GridRow, column: ObservationColumn) => Cell;

/**
 * Each column is read the same way on every row: decided once, not per cell. A read column hands
 * out one scratch cell, refilled per row: findings copy what they keep.
 */
export function createCellReader(
  table: TableLayout,
  headerName: ReadonlyMap<ObservationColumn, string>,
  fixes: FixLog,
): CellReader {
  const periodColumns = new Set(table.periodColumns);
  const columnIndex = new Map<ObservationColumn, number>();
  table.columns.forEach((c, i) => {
    if (c !== null && !periodColumns.has(i) && !columnIndex.has(c)) columnIndex.set(c, i);
  });
  const label = (column: ObservationColumn) => headerName.get(column) ?? column;
  type Source = { constant: Cell } | { index: number; scratch: Cell };
  const sources = new Map<ObservationColumn, Source>();
  const sourceOf = (column: ObservationColumn): Source => {
    let source = sources.get(column);
    if (!source) {
      const constant = table.constants[column];
      const index = columnIndex.get(column);
      source =
        constant !== undefined
          ? { constant: { text: constant, column: label(column) } }
          : index === undefined
            ? // Columns the file does not have read as one shared empty cell: no work, no allocation.
              { constant: { text: "", column: label(column) } }
            : { index, scratch: { text: "", column: label(column) } };
      sources.set(column, source);
    }
    return source;
  };
  return (record, column) => {
    const source = sourceOf(column);
    if ("constant" in source) return source.constant;
    const raw = record.cells[source.index] ?? "";
    const text = raw.trim();
    if (text !== raw && text !== "")
      fixes.add(
        { kind: "trimmed", column: source.scratch.column, from: raw, to: text },
        record.row,
      );
    source.scratch.text = text;
    return source.scratch;
  };
}
