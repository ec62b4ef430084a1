import { dimensionNames } from "../catalog/schema";

/**
 * The two tables the checks read, both with the observation columns (`indicator_id, period,
 * value, <each dimension>, unit, obs_status, source, note`) plus `row INTEGER`: the spreadsheet
 * row for the file being checked, NULL for data accepted earlier.
 */
export interface PlausibilityTables {
  /** The rows of the file being checked. */
  incoming: string;
  /** The data accepted earlier (what is in effect now). */
  history: string;
}

/** Table names reach SQL as text, so only plain identifiers are allowed. */
export function tableName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a table name: ${name}`);
  return name;
}

/** A blank breakdown is the total, whether it was stored as NULL or as empty text. */
export function rowsSql(table: string): string {
  return rowsOfSql(tableName(table));
}

/** As `rowsSql`, over a subquery (`(SELECT …)`) or a table name already checked. */
export function rowsOfSql(from: string): string {
  const dimensions = dimensionNames.map((d) => `nullif(${d}, '') AS ${d}`).join(", ");
  return `SELECT indicator_id, period, value, ${dimensions}, row FROM ${from}`;
}

/**
 * The data as they would be once the file is accepted: the file's rows, and the rows accepted
 * earlier for every indicator-period the file does not restate (a submission replaces the
 * indicator-periods it covers whole).
 */
export function mergedRowsSql(tables: PlausibilityTables): string {
  return [
    `SELECT * FROM (${rowsSql(tables.incoming)})`,
    "UNION ALL",
    `SELECT * FROM (${rowsSql(tables.history)}) h WHERE NOT EXISTS (SELECT 1 FROM ${tableName(tables.incoming)} i WHERE i.indicator_id = h.indicator_id AND i.period = h.period)`,
  ].join(" ");
}
