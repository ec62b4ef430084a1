import type { ObservationColumn } from "../../observations/columns";
import { detached } from "../detached-text";
import type { GridRow } from "../grid";
import type { StagedColumn } from "./staged-columns";

/** A rule column as ids into its distinct texts: `raws[ids[i]]` is row i's cell as written. */
export interface EncodedColumn {
  ids: Int32Array;
  raws: string[];
}

export interface EncodedRows {
  /** The spreadsheet row of each row. */
  rows: Int32Array;
  columns: Map<ObservationColumn, EncodedColumn>;
}

/** Int32 values appended one by one, in a buffer that doubles when full. */
function growingInts() {
  let values = new Int32Array(1024);
  let length = 0;
  return {
    push(value: number) {
      if (length === values.length) {
        const bigger = new Int32Array(values.length * 2);
        bigger.set(values);
        values = bigger;
      }
      values[length++] = value;
    },
    done: () => values.slice(0, length),
  };
}

/**
 * Each rule column of the rows as dictionary ids, rows added as they are read (a large file comes
 * in parts, and only the ids stay). A statistics file repeats a few codes a million times, so the
 * rules read each distinct text once and the rows are staged as integers. A constant is one text
 * for every row, an absent column one empty text.
 */
export function createColumnEncoder(
  columns: readonly StagedColumn[],
  index: ReadonlyMap<ObservationColumn, number>,
  constants: Partial<Record<ObservationColumn, string>>,
) {
  const rows = growingInts();
  const fromFile = columns
    .filter((c) => c.from === "file")
    .map((c) => ({
      column: c.column,
      at: index.get(c.column) ?? -1,
      seen: new Map<string, number>(),
      raws: [] as string[],
      ids: growingInts(),
    }));
  let count = 0;
  return {
    add(records: readonly GridRow[]): void {
      for (const record of records) rows.push(record.row);
      for (const column of fromFile) {
        const { at, seen, raws, ids } = column;
        for (const record of records) {
          const raw = record.cells[at] ?? "";
          let id = seen.get(raw);
          if (id === undefined) {
            id = raws.length;
            // V8 cuts texts of 13 characters or more as slices that keep the whole part alive.
            const kept = raw.length >= 13 ? detached(raw) : raw;
            raws.push(kept);
            seen.set(kept, id);
          }
          ids.push(id);
        }
      }
      count += records.length;
    },
    finish(): EncodedRows {
      const encoded = new Map<ObservationColumn, EncodedColumn>();
      for (const { column, from } of columns)
        if (from !== "file")
          encoded.set(column, { ids: new Int32Array(count), raws: [constants[column] ?? ""] });
      for (const { column, raws, ids } of fromFile) encoded.set(column, { ids: ids.done(), raws });
      return { rows: rows.done(), columns: encoded };
    },
  };
}
