import { dimensionNames } from "../../catalog/schema";
import { sqlName, sqlText } from "./sql-literal";
import type { StagedColumn } from "./staged-columns";

/**
 * One SELECT per rule over `intake_checked`, each giving rows of (row, rule, severity, code,
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
    column: string | null,
    detail: { name: string; text?: string; number?: string } | null,
  ) =>
    `SELECT "row", ${rule} AS rule, ${sqlText(severity)} AS severity, ${code} AS code, ` +
    `${column ? label(column) : "NULL"} AS "column", ${column ? sqlName(column) : "NULL"} AS value, ` +
    `${detail ? sqlText(detail.name) : "NULL"} AS detail_name, ` +
    `${detail?.text ?? "NULL"} AS detail_text, ${detail?.number ?? "NULL"} AS detail_number ` +
    "FROM intake_checked c";
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
    `${finding(4, "error", "'unit_mismatch'", "unit", { name: "expected", text: "indicator_unit" })} WHERE ${known} AND unit <> '' AND NOT EXISTS (SELECT 1 FROM intake_unit_words w WHERE w.unit = c.indicator_unit AND w.word = lower(c.unit))`,
  ];
  dimensionNames.forEach((d, k) => {
    if (!columns.some((c) => c.column === d && c.from !== "absent")) return;
    const rule = 10 + k;
    const code = sqlName(`code_${d}`);
    const given = `${sqlName(d)} <> '' AND ${code} <> ''`;
    const unknownDepartment = `${code} NOT IN (SELECT code FROM intake_departments)`;
    if (d === "department")
      selects.push(
        `${finding(rule, "error", "'unknown_department'", d, null)} WHERE ${given} AND ${unknownDepartment}`,
      );
    const checkable = `${given} AND ${known}${d === "department" ? ` AND NOT (${unknownDepartment})` : ""}`;
    const list = `(SELECT b.allowed FROM intake_breakdown_lists b WHERE b.indicator_id = c.known_id AND b.dimension = ${sqlText(d)})`;
    const allowedCode = `EXISTS (SELECT 1 FROM intake_breakdowns a WHERE a.indicator_id = c.known_id AND a.dimension = ${sqlText(d)} AND a.code = c.${code})`;
    selects.push(
      `${finding(rule, "error", "'disaggregation_not_allowed'", d, null)} WHERE ${checkable} AND ${list} IS NULL`,
      `${finding(rule, "error", "'code_not_allowed'", d, { name: "allowed", text: list })} WHERE ${checkable} AND ${list} IS NOT NULL AND NOT ${allowedCode}`,
    );
  });
  return selects;
}

/** The columns that make a row's key: the indicator as written, the period, each breakdown code. */
function keySql(): string {
  return [
    "indicator_id",
    "CASE WHEN period_ok THEN period_code ELSE period END",
    ...dimensionNames.map((d) => sqlName(`code_${d}`)),
  ].join(", ");
}

/**
 * A later row with the key of an earlier one is an error naming the first. Keys are hashed
 * first, so that only the rows of hashes seen twice are compared by their full key.
 */
export function duplicateKeySelect(): string {
  const repeated = `SELECT hash(${keySql()}) AS h FROM intake_checked GROUP BY h HAVING count(*) > 1`;
  const candidates = `SELECT "row", min("row") OVER (PARTITION BY ${keySql()}) AS first_row FROM intake_checked WHERE hash(${keySql()}) IN (${repeated})`;
  return `SELECT "row", 99 AS rule, 'error' AS severity, 'duplicate_key' AS code, NULL AS "column", NULL AS value, 'firstRow' AS detail_name, NULL AS detail_text, first_row AS detail_number FROM (${candidates}) WHERE "row" > first_row`;
}

/** `intake_findings`: every rule's findings. */
export function findingsSql(columns: readonly StagedColumn[]): string {
  return `CREATE OR REPLACE TABLE intake_findings AS ${[...ruleSelects(columns), duplicateKeySelect()].join("\nUNION ALL ")}`;
}

/** The findings in the order the JavaScript rules give them: by row, then by rule. */
export const orderedFindingsSql = `SELECT * FROM intake_findings ORDER BY "row", rule`;
