import { dimensionNames } from "../../catalog/schema";
import type { ObservationColumn } from "../../observations/columns";

/** The columns the row rules read, in the order the JavaScript rules read them in a row. */
export const ruleColumns: readonly ObservationColumn[] = [
  "indicator_id",
  "period",
  "value",
  "unit",
  ...dimensionNames,
  "obs_status",
  "source",
  "note",
];

/**
 * Where a rule column's text comes from: a column of the file (trimmed, a trim is a fix), a value
 * set for every row (read as given), or nowhere (read as empty).
 */
export interface StagedColumn {
  column: ObservationColumn;
  /** The header name findings give for it (the canonical name when the file lacks it). */
  label: string;
  from: "file" | "constant" | "absent";
}

/** The staged table's name for a rule column: prefixed, so no header can clash with `row`. */
export const stagedName = (column: ObservationColumn) => `c_${column}`;

/** Characters JavaScript's String.prototype.trim removes, as an RE2 class (RE2's \s is ASCII only). */
export const jsWhitespaceClass =
  "[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]";

/** The same characters as a list of SQL expressions, for cheap tests of a cell's ends. */
export const jsWhitespaceChars = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]
  .map((code) => `chr(${code})`)
  .join(", ");
