import type { ObservationColumn } from "../../observations/columns";
import type { PreparedTable } from "../rules/table-layout";
import type { StagedColumn } from "./staged-columns";

/** A rule column as ids into its distinct texts: `raws[ids[i]]` is row i's cell as written. */
export interface EncodedColumn {
  ids: Int32Array;
  raws: string[];
}

/**
 * Each rule column of the located rows as dictionary ids. A statistics file repeats a few codes a
 * million times, so the rules read each distinct text once and the rows are staged as integers.
 * A constant is one text for every row, an absent column one empty text.
 */
export function encodeColumns(
  table: PreparedTable,
  columns: readonly StagedColumn[],
  index: ReadonlyMap<ObservationColumn, number>,
): Map<ObservationColumn, EncodedColumn> {
  const { records } = table;
  const encoded = new Map<ObservationColumn, EncodedColumn>();
  for (const { column, from } of columns) {
    const ids = new Int32Array(records.length);
    if (from !== "file") {
      encoded.set(column, { ids, raws: [table.constants[column] ?? ""] });
      continue;
    }
    const at = index.get(column) ?? -1;
    const seen = new Map<string, number>();
    const raws: string[] = [];
    for (let i = 0; i < records.length; i++) {
      const raw = records[i]?.cells[at] ?? "";
      let id = seen.get(raw);
      if (id === undefined) {
        id = raws.length;
        raws.push(raw);
        seen.set(raw, id);
      }
      ids[i] = id;
    }
    encoded.set(column, { ids, raws });
  }
  return encoded;
}
