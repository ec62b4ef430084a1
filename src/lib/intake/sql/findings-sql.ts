import type { DimensionName } from "../../catalog/schema";
import { dimensionNames } from "../../catalog/schema";
import type { ObservationColumn } from "../../observations/columns";
import { sqlName, sqlText } from "./sql-literal";
import { columnTextsSql, type StagedColumn } from "./staged-columns";

/**
 * `intake_flagged`: the rows `intake_checked` flags (usually few), with the texts of the cells a
 * finding quotes and, per breakdown, the codes its indicator allows.
 */
export function flaggedSql(dimensions: readonly DimensionName[]): string {
  const cells: ObservationColumn[] = ["indicator_id", "period", "value", "unit", ...dimensions];
  const texts = cells.map((c) => `t_${c}.text AS ${sqlName(`${c}_text`)}`);
  const joins = cells.map(
    (c) => `LEFT JOIN ${columnTextsSql(c)} t_${c} ON t_${c}.id = c.${sqlName(`${c}_ref`)}`,
  );
  const allowed = dimensions.map((d) => `v_${d}.allowed AS ${sqlName(`allowed_${d}`)}`);
  const verdicts = dimensions.map(
    (d) =>
      `LEFT JOIN ${sqlName(`intake_verdict_${d}`)} v_${d} ON v_${d}.indicator_ref = c.indicator_id_ref AND v_${d}.code_ref = c.${sqlName(`${d}_ref`)}`,
  );
  return `CREATE OR REPLACE TABLE intake_flagged AS SELECT c.*, ${[...texts, ...allowed].join(", ")}
  FROM (SELECT * FROM intake_checked WHERE flagged) c
  ${[...joins, ...verdicts].join("\n  ")}`;
}

/**
 * One SELECT per rule over `intake_flagged`, each giving rows of (row, rule, severity, code,
 * column, value, detail_name, detail_text, detail_number). `rule` orders a row's findings as the
 * JavaScript rules list them: indicator, period, value, unit, each breakdown, key.
 */
export function ruleSelects(columns: readonly StagedColumn[]): string[] {
  const label = (column: string) =>
    sqlText(columns.find((c) => c.column === column)?.label ?? column);
  const finding = (
    rule: number,
    severity: string,
    code: string,
    column: ObservationColumn,
    detail: { name: string; text?: string; number?: string } | null,
  ) =>
    `SELECT "row", ${rule} AS rule, ${sqlText(severity)} AS severity, ${code} AS code, ` +
    `${label(column)} AS "column", ${sqlName(`${column}_text`)} AS value, ` +
    `${detail ? sqlText(detail.name) : "NULL"} AS detail_name, ` +
    `${detail?.text ?? "NULL"} AS detail_text, ${detail?.number ?? "NULL"} AS detail_number ` +
    "FROM intake_flagged";
  const known = "known_id IS NOT NULL";
  const isNumber = `value_kind = 'number' AND ${known}`;
  const below = "(min IS NOT NULL AND number < min)";
  const above = "(max IS NOT NULL AND number > max)";
  const selects = [
    `${finding(1, "error", "'unknown_indicator'", "indicator_id", null)} WHERE known_id IS NULL`,
    `${finding(2, "error", "period_reason || '_period'", "period", null)} WHERE NOT period_ok`,
    `${finding(2, "error", "'wrong_periodicity'", "period", { name: "expected", text: "indicator_periodicity" })} WHERE period_ok AND ${known} AND period_periodicity <> indicator_periodicity`,
    `${finding(3, "error", "'non_numeric_value'", "value", null)} WHERE value_kind = 'invalid'`,
    `${finding(3, "info", "'missing_value'", "value", null)} WHERE value_kind = 'missing'`,
    `${finding(3, "error", "'below_minimum'", "value", { name: "min", number: "min" })} WHERE ${isNumber} AND ${below}`,
    `${finding(3, "error", "'above_maximum'", "value", { name: "max", number: "max" })} WHERE ${isNumber} AND NOT ${below} AND ${above}`,
    `${finding(3, "error", "'fractional_count'", "value", null)} WHERE ${isNumber} AND NOT ${below} AND NOT ${above} AND whole AND number <> floor(number)`,
    `${finding(4, "error", "'unit_mismatch'", "unit", { name: "expected", text: "indicator_unit" })} WHERE ${known} AND unit_given AND NOT unit_fits`,
  ];
  dimensionNames.forEach((d, k) => {
    if (!columns.some((c) => c.column === d && c.from !== "absent")) return;
    const rule = 10 + k;
    const verdict = sqlName(`verdict_${d}`);
    if (d === "department")
      selects.push(
        `${finding(rule, "error", "'unknown_department'", d, null)} WHERE code_department <> '' AND known_department = 0`,
      );
    selects.push(
      `${finding(rule, "error", "'disaggregation_not_allowed'", d, null)} WHERE ${verdict} = 1`,
      `${finding(rule, "error", "'code_not_allowed'", d, { name: "allowed", text: sqlName(`allowed_${d}`) })} WHERE ${verdict} = 2`,
    );
  });
  return selects;
}

/**
 * `intake_duplicates`: a later row with the key of an earlier one (the indicator as written, the
 * period, each breakdown code, all as integer keys), with the first row of that key.
 */
export function duplicatesSql(dimensions: readonly DimensionName[]): string {
  const keys = ["indicator_key", "period_key", ...dimensions.map((d) => sqlName(`key_${d}`))].join(
    ", ",
  );
  // One hash per row first: a million distinct keys group faster as one number than as several
  // columns; only rows whose hash repeats are then compared by their full key.
  return `CREATE OR REPLACE TABLE intake_duplicates AS
  WITH hashed AS (SELECT "row", hash(${keys}) AS h FROM intake_checked),
  repeated AS (SELECT h FROM hashed GROUP BY h HAVING count(*) > 1),
  candidates AS (SELECT "row", ${keys} FROM intake_checked WHERE hash(${keys}) IN (SELECT h FROM repeated)),
  firsts AS (SELECT ${keys}, min("row") AS first_row FROM candidates GROUP BY ${keys})
  SELECT c."row", firsts.first_row FROM candidates c JOIN firsts USING (${keys}) WHERE c."row" > firsts.first_row`;
}

const duplicateSelect = `SELECT "row", 99 AS rule, 'error' AS severity, 'duplicate_key' AS code, NULL AS "column", NULL AS value, 'firstRow' AS detail_name, NULL AS detail_text, first_row AS detail_number FROM intake_duplicates`;

/** `intake_findings`: every rule's findings. */
export function findingsSql(columns: readonly StagedColumn[]): string {
  return `CREATE OR REPLACE TABLE intake_findings AS ${[...ruleSelects(columns), duplicateSelect].join("\nUNION ALL ")}`;
}

/** The findings in the order the JavaScript rules give them: by row, then by rule. */
export const orderedFindingsSql = `SELECT * FROM intake_findings ORDER BY "row", rule`;
