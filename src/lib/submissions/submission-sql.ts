import type { Dataset } from "../tables/table-descriptors";

const list = (d: Dataset, alias?: string) =>
  d.columns.map((c) => (alias ? `${alias}.${c}` : c)).join(", ");
const joinOn = (d: Dataset, columns: readonly string[], a: string, b: string) =>
  columns
    .map((c) =>
      d.nullableKey.includes(c)
        ? `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`
        : `${a}.${c} = ${b}.${c}`,
    )
    .join(" AND ");

/** An empty submitted table with the dataset's columns, so restoring and accepting always find it. */
export function createSubmittedTableSql(d: Dataset): string {
  return `CREATE TABLE IF NOT EXISTS ${d.submitted} AS SELECT ${list(d)}, 0::DOUBLE AS submission_seq FROM ${d.base} WHERE false`;
}

/**
 * What everyone reads: the published data, except that for every scope some active submission
 * covers, the latest such submission replaces it whole.
 */
export function rebuildSql(d: Dataset): string {
  const scope = `SELECT ${d.scope.join(", ")}, max(submission_seq) AS submission_seq FROM ${d.submitted} GROUP BY ${d.scope.join(", ")}`;
  return [
    `CREATE OR REPLACE TABLE ${d.effective} AS`,
    `WITH scope AS (${scope})`,
    `SELECT ${list(d)} FROM ${d.base} b WHERE NOT EXISTS (SELECT 1 FROM scope s WHERE ${joinOn(d, d.scope, "s", "b")})`,
    `UNION ALL`,
    `SELECT ${list(d, "o")} FROM ${d.submitted} o JOIN scope s ON ${joinOn(d, d.scope, "o", "s")} AND o.submission_seq = s.submission_seq`,
    `ORDER BY ${d.order}`,
  ].join("\n");
}

/** The scopes (e.g. indicator-periods) the staged file covers: few, whatever the file's size. */
export const diffScopesTable = (d: Dataset) => `${d.staged}_scopes`;
/** Each staged row and the row in effect with its key, as two row ids: the diff's one key join. */
export const diffMatchedTable = (d: Dataset) => `${d.staged}_matched`;

export function createDiffScopesSql(d: Dataset): string {
  return `CREATE OR REPLACE TEMP TABLE ${diffScopesTable(d)} AS SELECT DISTINCT ${d.scope.join(", ")} FROM ${d.staged}`;
}

/** The rows in effect within the staged file's scopes: the rows accepting it would replace. */
const currentSql = (d: Dataset) =>
  `${d.effective} c SEMI JOIN ${diffScopesTable(d)} USING (${d.scope.join(", ")})`;

/**
 * The staged rows and the rows in effect are joined on their key once, here, and the counts and
 * the sample then join on row ids alone: joining a million rows on eleven key columns, most of
 * them nullable text, four times over took most of a revised file's diff (about 6 of 7 s in Node).
 * The key holds the scope, so a row in effect with a staged row's key is in the file's scopes.
 */
export function createDiffMatchedSql(d: Dataset): string {
  return `CREATE OR REPLACE TEMP TABLE ${diffMatchedTable(d)} AS SELECT s.rowid AS staged_row, c.rowid AS current_row, s.${d.value} IS DISTINCT FROM c.${d.value} AS differs FROM ${d.staged} s JOIN ${d.effective} c ON ${joinOn(d, d.key, "s", "c")}`;
}

/**
 * How many rows accepting would add, change and remove. Keys are unique on both sides (a file
 * with a duplicate key never gets here), so the pairs of the inner join are enough: far cheaper
 * than counting the full outer join of a million new rows.
 */
export function diffCountsSql(d: Dataset): string {
  return [
    `SELECT (SELECT count(*) FROM ${d.staged}) - count(*) AS added,`,
    `count(*) FILTER (WHERE differs) AS changed,`,
    `(SELECT count(*) FROM ${currentSql(d)}) - count(*) AS removed`,
    `FROM ${diffMatchedTable(d)}`,
  ].join("\n");
}

/**
 * Up to `?` rows of what accepting would change (kind, key, old → new), in kind and key order;
 * the same `?` four times. Each kind is cut to the limit before it meets the others, so a million
 * new or changed rows cost one pass, not a sort of all of them with the rest. `differs` is
 * filtered in a subquery: in the join condition itself, DuckDB planned a nested-loop join (50 s
 * for 100,000 rows, against 0.1 s).
 */
export function diffSampleSql(d: Dataset): string {
  const matched = diffMatchedTable(d);
  const keys = (alias: string) => d.key.map((k) => `${alias}.${k}`).join(", ");
  return [
    `SELECT * FROM (`,
    `(SELECT 'changed' AS kind, ${keys("s")}, c.${d.value} AS old_value, s.${d.value} AS new_value FROM (SELECT s.rowid AS staged_row, s.* FROM ${d.staged} s SEMI JOIN (SELECT staged_row FROM ${matched} WHERE differs) m ON s.rowid = m.staged_row ORDER BY ${keys("s")} LIMIT ?) s JOIN ${matched} m USING (staged_row) JOIN ${d.effective} c ON c.rowid = m.current_row)`,
    `UNION ALL (SELECT 'removed', ${keys("c")}, c.${d.value}, NULL FROM ${currentSql(d)} ANTI JOIN ${matched} m ON c.rowid = m.current_row ORDER BY ${keys("c")} LIMIT ?)`,
    `UNION ALL (SELECT 'added', ${keys("s")}, NULL, s.${d.value} FROM ${d.staged} s ANTI JOIN ${matched} m ON s.rowid = m.staged_row ORDER BY ${keys("s")} LIMIT ?)`,
    `) ORDER BY kind, ${d.key.join(", ")} LIMIT ?`,
  ].join("\n");
}

/**
 * Accepting a file gives it the highest sequence number, so it wins every scope it covers: the
 * rows in effect change only there. Cheaper than `rebuildSql`, which sorts everything again; the
 * rows go in as staged (the intake worker groups them by indicator, which keeps zone maps useful).
 */
export function applyStagedSql(d: Dataset): string[] {
  const scope = `SELECT DISTINCT ${d.scope.join(", ")} FROM ${d.staged}`;
  return [
    `DELETE FROM ${d.effective} e WHERE EXISTS (SELECT 1 FROM (${scope}) s WHERE ${joinOn(d, d.scope, "s", "e")})`,
    `INSERT INTO ${d.effective} SELECT ${list(d)} FROM ${d.staged}`,
  ];
}

/** Adds a file's rows (from the staged table, or another) to the accepted ones, tagged `?` (its sequence number). */
export function acceptStagedSql(d: Dataset, from: string = d.staged): string {
  return `INSERT INTO ${d.submitted} SELECT ${list(d)}, ?::DOUBLE AS submission_seq FROM ${from}`;
}

/**
 * A stored submission's rows, read back and tagged with its sequence number, in a table of their
 * own: if the columns do not fit, this fails for that submission alone.
 */
export function restoreTableSql(d: Dataset, table: string, from: string, seq: number): string {
  if (!Number.isSafeInteger(seq)) throw new Error(`not a sequence number: ${seq}`);
  return `CREATE OR REPLACE TABLE ${table} AS SELECT ${list(d)}, ${seq}::DOUBLE AS submission_seq FROM ${from}`;
}

/** The accepted rows in effect: for every scope, the rows of the latest active submission covering it. */
function winningRowsSql(d: Dataset): string {
  const scope = `SELECT ${d.scope.join(", ")}, max(submission_seq) AS submission_seq FROM ${d.submitted} GROUP BY ${d.scope.join(", ")}`;
  return [
    `WITH scope AS (${scope})`,
    `SELECT ${list(d, "o")} FROM ${d.submitted} o JOIN scope s ON ${joinOn(d, d.scope, "o", "s")} AND o.submission_seq = s.submission_seq`,
  ].join("\n");
}

/**
 * A fingerprint of the accepted data in effect: how many rows and the SHA-256 of their text (one
 * line per row, sorted, NULL told apart from an empty text). The same data give the same
 * fingerprint in any engine of the same DuckDB version, whatever the order they were loaded in.
 */
export function fingerprintSql(d: Dataset): string {
  const line = d.columns.map((c) => `coalesce('=' || CAST(${c} AS VARCHAR), '')`).join(", ");
  return [
    `SELECT count(*) AS rows, sha256(coalesce(string_agg(line, chr(10) ORDER BY line), '')) AS sha256`,
    `FROM (SELECT concat_ws(chr(31), ${line}) AS line FROM (${winningRowsSql(d)}))`,
  ].join("\n");
}

/** Rows and what a staged file covers, for the submission's record. */
export function stagedSummarySql(d: Dataset): string {
  const subject = d.kind === "observations" ? "indicator_id" : "commitment_id";
  return `SELECT count(*) AS rows, list(DISTINCT ${subject} ORDER BY ${subject}) AS indicators, list(DISTINCT period ORDER BY period) AS periods FROM ${d.staged}`;
}

/** The accepted submission in effect for each scope (e.g. indicator-period) some submission covers. */
export function acceptedScopesSql(d: Dataset): string {
  return `SELECT ${d.scope.join(", ")}, max(submission_seq) AS submission_seq FROM ${d.submitted} GROUP BY ${d.scope.join(", ")}`;
}
