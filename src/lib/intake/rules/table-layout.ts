import type { ObservationColumn } from "../../observations/columns";
import type { GridRow } from "../grid";
import type { DecimalSeparator } from "../number-format";

/** A located table with its columns mapped, ready to check row by row. */
export interface PreparedTable {
  file: string;
  header: string[];
  headerRow: number;
  /** Canonical column of each header cell (null: ignored). */
  columns: (ObservationColumn | null)[];
  /** Values that apply to every row, e.g. the indicator of a file that has no indicator column. */
  constants: Partial<Record<ObservationColumn, string>>;
  records: GridRow[];
  /** Header indexes holding one period each (a wide file); empty for a long file. */
  periodColumns: number[];
  decimal: DecimalSeparator;
}

/** A table's layout: everything about it but its rows. */
export type TableLayout = Omit<PreparedTable, "records">;
