import { dimensionNames } from "../../catalog/schema";
import { sqlName, sqlText } from "./sql-literal";
import type { StagedColumn } from "./staged-columns";

/**
 * The changes made on the way in, grouped as the fix log groups them (kind, column, from, to:
 * how many rows, the first), in the order the log first saw each. `step` orders a row's changes
 * as the JavaScript rules make them: the indicator, period and value cells are read (trimmed)
 * first, then the period is normalised, then unit and each breakdown are read, a breakdown
 * recoded after its trim; status, source and note are read only for rows that pass.
 */
export function fixesSql(columns: readonly StagedColumn[]): string {
  const label = (column: string) =>
    sqlText(columns.find((c) => c.column === column)?.label ?? column);
  const trimmed = (column: string, step: number, source = "intake_checked") =>
    columns.some((c) => c.column === column && c.from === "file")
      ? [
          `SELECT 'trimmed' AS kind, ${label(column)} AS "column", ${sqlName(`raw_${column}`)} AS "from", ${sqlName(column)} AS "to", "row", ${step} AS step FROM ${source} WHERE ${sqlName(column)} <> '' AND ${sqlName(`raw_${column}`)} <> ${sqlName(column)}`,
        ]
      : [];
  const passing = `(SELECT c.* FROM intake_checked c SEMI JOIN intake_observations o ON o."row" = c."row")`;
  const changes = [
    ...trimmed("indicator_id", 1),
    ...trimmed("period", 2),
    ...trimmed("value", 3),
    `SELECT 'period_normalised', ${label("period")}, period, period_code, "row", 4 FROM intake_checked WHERE period_ok AND period_code <> period`,
    ...trimmed("unit", 5),
    ...dimensionNames.flatMap((d, k) =>
      columns.some((c) => c.column === d && c.from !== "absent")
        ? [
            ...trimmed(d, 10 + 2 * k),
            `SELECT 'recoded', ${label(d)}, ${sqlName(d)}, CASE WHEN ${sqlName(`code_${d}`)} = '' THEN '(total)' ELSE ${sqlName(`code_${d}`)} END, "row", ${11 + 2 * k} FROM intake_checked WHERE ${sqlName(d)} <> '' AND ${sqlName(`code_${d}`)} <> ${sqlName(d)}`,
          ]
        : [],
    ),
    ...trimmed("obs_status", 50, passing),
    ...trimmed("source", 51, passing),
    ...trimmed("note", 52, passing),
  ];
  return `SELECT kind, "column", "from", "to", count(*) AS count, min("row") AS first_row, arg_min(step, "row") AS first_step FROM (${changes.join("\nUNION ALL ")}) GROUP BY ALL ORDER BY first_row, first_step`;
}
