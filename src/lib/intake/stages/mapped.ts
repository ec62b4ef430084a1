import type { ReadTable } from "../check-rows-in-parts";
import type { Finding } from "../findings";
import type { NumberFormat } from "../number-format";
import type { PreparedTable } from "../rules/table-layout";

/** A table of observations with its columns mapped, ready for the row rules. */
export interface MappedObservations {
  kind: "observations";
  /** The file's own header and the column each cell feeds, as the officer sees them. */
  shown: ReadTable;
  prepared: PreparedTable;
  numberFormat: NumberFormat;
  /** What mapping found (SDMX rows the mapping does not know). */
  notes: Finding[];
}
