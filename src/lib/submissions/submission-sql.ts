import { dimensionNames } from "../catalog/schema";
import { tableColumns } from "../observations/observation-table";

/** Accepted submissions' rows, each tagged with the submission's sequence number. */
export const submittedTable = "submitted_observations";
/** The published data the app was built with. */
export const baseTable = "base_observations";
/** A file being checked, before it is accepted. */
export const stagedTable = "staged_observations";

const columns = tableColumns.join(", ");

/** Empty tables with the observation columns, so restoring and accepting always find them. */
export function createSubmittedTableSql(): string {
  return `CREATE TABLE IF NOT EXISTS ${submittedTable} AS SELECT ${columns}, 0::DOUBLE AS submission_seq FROM ${baseTable} WHERE false`;
}

/**
 * The observations everyone reads: the published data, except that for every indicator-period
 * some active submission covers, the latest such submission replaces it whole.
 */
export function rebuildObservationsSql(): string {
  const scope = `SELECT indicator_id, period, max(submission_seq) AS submission_seq FROM ${submittedTable} GROUP BY indicator_id, period`;
  return [
    `CREATE OR REPLACE TABLE observations AS`,
    `WITH scope AS (${scope})`,
    `SELECT ${columns} FROM ${baseTable} b WHERE NOT EXISTS (SELECT 1 FROM scope s WHERE s.indicator_id = b.indicator_id AND s.period = b.period)`,
    `UNION ALL`,
    `SELECT ${tableColumns.map((c) => `o.${c}`).join(", ")} FROM ${submittedTable} o JOIN scope s ON o.indicator_id = s.indicator_id AND o.period = s.period AND o.submission_seq = s.submission_seq`,
    `ORDER BY indicator_id, time`,
  ].join("\n");
}

const sameKey = ["indicator_id", "period", ...dimensionNames]
  .map((c) =>
    c === "indicator_id" || c === "period"
      ? `s.${c} = c.${c}`
      : `s.${c} IS NOT DISTINCT FROM c.${c}`,
  )
  .join(" AND ");

/**
 * What accepting the staged file would change, within the indicator-periods it covers:
 * rows added, values changed (old → new) and rows the file no longer has (removed).
 */
export function diffRowsSql(): string {
  return [
    `WITH scope AS (SELECT DISTINCT indicator_id, period FROM ${stagedTable}),`,
    `current AS (SELECT o.* FROM observations o JOIN scope USING (indicator_id, period))`,
    `SELECT CASE WHEN c.indicator_id IS NULL THEN 'added' WHEN s.indicator_id IS NULL THEN 'removed' ELSE 'changed' END AS kind,`,
    `coalesce(s.indicator_id, c.indicator_id) AS indicator_id, coalesce(s.period, c.period) AS period, coalesce(s.time, c.time) AS time,`,
    `${dimensionNames.map((d) => `coalesce(s.${d}, c.${d}) AS ${d}`).join(", ")},`,
    `c.value AS old_value, s.value AS new_value`,
    `FROM ${stagedTable} s FULL OUTER JOIN current c ON ${sameKey}`,
    `WHERE c.indicator_id IS NULL OR s.indicator_id IS NULL OR s.value IS DISTINCT FROM c.value`,
  ].join("\n");
}

export function diffCountsSql(): string {
  return `SELECT kind, count(*) AS n FROM (${diffRowsSql()}) GROUP BY kind`;
}

export function diffSampleSql(): string {
  return `SELECT * FROM (${diffRowsSql()}) ORDER BY kind, indicator_id, time LIMIT ?`;
}

export function acceptStagedSql(): string {
  return `INSERT INTO ${submittedTable} SELECT ${columns}, ?::DOUBLE AS submission_seq FROM ${stagedTable}`;
}
