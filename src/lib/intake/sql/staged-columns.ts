import { dimensionNames } from "../../catalog/schema";
import type { ObservationColumn } from "../../observations/columns";
import { sqlText } from "./sql-literal";

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

/** One rule column's distinct texts as the rules read them (`id`, `text`), to join on its ids. */
export const columnTextsSql = (column: ObservationColumn) =>
  `(SELECT id, text FROM intake_text WHERE col = ${sqlText(column)})`;

/** The staged table's name for a rule column: prefixed, so no header can clash with `row`. */
export const stagedName = (column: ObservationColumn) => `c_${column}`;

/** Characters JavaScript's String.prototype.trim removes, as an RE2 class (RE2's \s is ASCII only). */
export const jsWhitespaceClass =
  "[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]";
