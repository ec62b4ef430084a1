import { dimensionNames } from "../../catalog/schema";
import type { DecimalSeparator } from "../number-format";
import { compactedSql, numberKindSql, numberValueSql } from "./number-sql";
import { sqlName, sqlText } from "./sql-literal";
import type { StagedColumn } from "./staged-columns";

/**
 * `intake_checked`: each row's cells joined to what the rules need, once for every rule: the
 * catalog indicator (`known_id` NULL when unknown), the parsed period, the value read as a number
 * in the file's convention, and each breakdown's catalog code (`code_<dimension>`, '' = total).
 */
export function checkedSql(columns: readonly StagedColumn[], decimal: DecimalSeparator): string {
  const present = new Set(columns.filter((c) => c.from !== "absent").map((c) => c.column));
  const codes = dimensionNames.map((d) =>
    present.has(d)
      ? `CASE WHEN c.${sqlName(d)} = '' THEN '' ELSE coalesce(k_${d}.code, '') END AS ${sqlName(`code_${d}`)}`
      : `'' AS ${sqlName(`code_${d}`)}`,
  );
  const joins = dimensionNames
    .filter((d) => present.has(d))
    .map(
      (d) =>
        `LEFT JOIN intake_codes k_${d} ON k_${d}.dimension = ${sqlText(d)} AND k_${d}.text = c.${sqlName(d)}`,
    );
  return `CREATE OR REPLACE TABLE intake_checked AS SELECT c.*,
    i.id AS known_id, i.periodicity AS indicator_periodicity, i.unit AS indicator_unit,
    i.min AS min, i.max AS max, i.whole = 1 AS whole,
    p.ok = 1 AS period_ok, p.reason AS period_reason, p.code AS period_code,
    p.periodicity AS period_periodicity,
    ${numberKindSql("c.value", decimal)} AS value_kind,
    ${numberValueSql(decimal)} AS number,
    ${codes.join(",\n    ")}
  FROM (SELECT *, ${compactedSql("value")} FROM intake_cells) c
  LEFT JOIN intake_indicators i ON i.id = c.indicator_id
  LEFT JOIN intake_periods p ON p.text = c.period
  ${joins.join("\n  ")}`;
}
