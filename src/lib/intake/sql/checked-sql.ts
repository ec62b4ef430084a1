import type { DimensionName } from "../../catalog/schema";
import type { ObservationColumn } from "../../observations/columns";
import { sqlName, sqlText } from "./sql-literal";
import { type StagedColumn, stagedName } from "./staged-columns";

const ref = (column: ObservationColumn) => `r.${sqlName(stagedName(column))}`;
const codesOf = (d: DimensionName) =>
  `(SELECT * FROM intake_code_ids WHERE dimension = ${sqlText(d)})`;

/**
 * `intake_rows`: the staged rows (`intake_file_rows`: `row` and an id per column of the file)
 * with id 0 for every column read from one text (a constant, or empty when absent).
 */
export function intakeRowsSql(columns: readonly StagedColumn[]): string {
  const fixed = columns
    .filter((c) => c.from !== "file")
    .map((c) => `, 0 AS ${sqlName(stagedName(c.column))}`);
  return `CREATE OR REPLACE VIEW intake_rows AS SELECT *${fixed.join("")} FROM intake_file_rows`;
}

/**
 * `intake_verdict_<dimension>`: for each pair of indicator text and breakdown text the file
 * holds (a few hundred, however many rows), whether the indicator allows that breakdown: 0 yes
 * (or not checkable: unknown indicator, total, unknown department), 1 not that dimension, 2 not
 * that code; `allowed` lists the codes it does allow.
 */
export function verdictSql(d: DimensionName): string {
  const unknownDepartment = d === "department" ? " OR k.known_department = 0" : "";
  return `CREATE OR REPLACE TABLE ${sqlName(`intake_verdict_${d}`)} AS SELECT pair.indicator_ref, pair.code_ref,
    CASE WHEN i.known_id IS NULL OR k.code = ''${unknownDepartment} THEN 0
      WHEN l.allowed IS NULL THEN 1
      WHEN a.code IS NULL THEN 2 ELSE 0 END AS verdict,
    l.allowed
  FROM (SELECT DISTINCT ${ref("indicator_id")} AS indicator_ref, ${ref(d)} AS code_ref FROM intake_rows r) pair
  JOIN intake_indicator_ids i ON i.id = pair.indicator_ref
  JOIN ${codesOf(d)} k ON k.id = pair.code_ref
  LEFT JOIN (SELECT DISTINCT indicator_id, allowed FROM intake_breakdowns WHERE dimension = ${sqlText(d)}) l ON l.indicator_id = i.known_id
  LEFT JOIN (SELECT indicator_id, code FROM intake_breakdowns WHERE dimension = ${sqlText(d)}) a ON a.indicator_id = i.known_id AND a.code = k.code`;
}

/**
 * `intake_checked`: each staged row (`intake_rows`, dictionary ids) joined on integers to what
 * its texts read as: the catalog indicator (`known_id` NULL when unknown), the parsed period, the
 * value as a number, whether the unit spells the indicator's, and for each breakdown the file
 * has its code, key and verdict. `has_error` and `flagged` (any finding) are worked out once, so
 * the rules later read only the flagged rows.
 */
export function checkedSql(dimensions: readonly DimensionName[]): string {
  const dimensionColumns = dimensions.flatMap((d) => [
    `${ref(d)} AS ${sqlName(`${d}_ref`)}`,
    `k_${d}.code AS ${sqlName(`code_${d}`)}`,
    `k_${d}.key AS ${sqlName(`key_${d}`)}`,
    `k_${d}.known_department AS ${sqlName(`known_${d}`)}`,
    `coalesce(v_${d}.verdict, 0) AS ${sqlName(`verdict_${d}`)}`,
  ]);
  const joins = dimensions.flatMap((d) => [
    `JOIN ${codesOf(d)} k_${d} ON k_${d}.id = ${ref(d)}`,
    `LEFT JOIN ${sqlName(`intake_verdict_${d}`)} v_${d} ON v_${d}.indicator_ref = ${ref("indicator_id")} AND v_${d}.code_ref = ${ref(d)}`,
  ]);
  const known = "known_id IS NOT NULL";
  const isNumber = `value_kind = 'number' AND ${known}`;
  const errors = [
    `NOT (${known})`,
    "NOT period_ok",
    `(period_ok AND ${known} AND period_periodicity <> indicator_periodicity)`,
    "value_kind = 'invalid'",
    `(${isNumber} AND ((min IS NOT NULL AND number < min) OR (max IS NOT NULL AND number > max) OR (whole AND number <> floor(number))))`,
    `(${known} AND unit_given AND NOT unit_fits)`,
    ...dimensions.map((d) =>
      d === "department"
        ? `(code_department <> '' AND (known_department = 0 OR verdict_department > 0))`
        : `${sqlName(`verdict_${d}`)} > 0`,
    ),
  ].join(" OR ");
  return `CREATE OR REPLACE VIEW intake_checked AS SELECT *, ${errors} AS has_error, (${errors} OR value_kind = 'missing') AS flagged FROM (SELECT r."row",
    ${ref("indicator_id")} AS indicator_id_ref, ${ref("period")} AS period_ref, ${ref("value")} AS value_ref, ${ref("unit")} AS unit_ref,
    ${ref("obs_status")} AS obs_status_ref, ${ref("source")} AS source_ref, ${ref("note")} AS note_ref,
    i.known_id, i.periodicity AS indicator_periodicity, i.unit AS indicator_unit, i.min, i.max, i.whole = 1 AS whole, i.key AS indicator_key,
    p.ok = 1 AS period_ok, p.reason AS period_reason, p.code AS period_code, p.periodicity AS period_periodicity, p.key AS period_key,
    v.kind AS value_kind, v.number,
    u.given = 1 AS unit_given, (CAST(u.fits AS INTEGER) & CAST(i.unit_bit AS INTEGER)) <> 0 AS unit_fits${dimensionColumns.map((c) => `,\n    ${c}`).join("")}
  FROM intake_rows r
  JOIN intake_indicator_ids i ON i.id = ${ref("indicator_id")}
  JOIN intake_period_ids p ON p.id = ${ref("period")}
  JOIN intake_value_ids v ON v.id = ${ref("value")}
  JOIN intake_unit_ids u ON u.id = ${ref("unit")}
  ${joins.join("\n  ")})`;
}
