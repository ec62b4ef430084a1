import type { Finding } from "../findings";
import type { Grid } from "../grid";
import type { Delimiter } from "../read-csv";

/** A file decoded into rows of text cells, before its table is found. */
export interface Decoded {
  grid: Grid;
  /** The CSV delimiter (it also tells the likely decimal separator); null for other formats. */
  delimiter: Delimiter | null;
  sheets: string[];
  sheet: string | null;
  /** How the file was read (encoding and delimiter, sheet used), for the officer. */
  notes: Finding[];
  /** False when a cheap test over the whole text showed that no cell holds a hidden character. */
  scanCharacters: boolean;
}
