import type { DimensionName } from "../../catalog/schema";
import { dimensionNames } from "../../catalog/schema";
import type { ObservationColumn } from "../../observations/columns";
import { sqlName, sqlText } from "./sql-literal";
import { type StagedColumn, stagedName } from "./staged-columns";

/**
 * The changes made on the way in, grouped as the fix log groups them (kind, column, from, to:
 * how many rows, the first), in the order the log first saw each. Each change is found among the
 * distinct texts first, so the rows are read only for texts that changed. `step` orders a row's
 * changes as the JavaScript rules make them: the indicator, period and value cells are read
 * (trimmed) first, then the period is normalised, then unit and each breakdown are read, a
 * breakdown recoded after its trim; status, source and note are read only for rows that pass.
 */
export function fixesSql(
  columns: readonly StagedColumn[],
  dimensions: readonly DimensionName[],
): string {
  const label = (column: ObservationColumn) =>
    sqlText(columns.find((c) => c.column === column)?.label ?? column);
  const ref = (column: ObservationColumn) => sqlName(stagedName(column));
  const passing = 'SEMI JOIN intake_observations o ON o."row" = r."row"';
  /** Rows whose `column` id is one of `changed` (id, from, to), counted per id. */
  const perText = (
    kind: string,
    column: ObservationColumn,
    changed: string,
    step: number,
    onlyPassing = false,
  ) =>
    `SELECT ${sqlText(kind)} AS kind, ${label(column)} AS "column", t."from", t."to", count(*) AS count, min(r."row") AS first_row, ${step} AS step
    FROM (SELECT * FROM intake_rows WHERE ${ref(column)} IN (SELECT id FROM (${changed}))) r
    JOIN (${changed}) t ON t.id = r.${ref(column)} ${onlyPassing ? passing : ""}
    GROUP BY ALL`;
  const trimmed = (column: ObservationColumn, step: number, onlyPassing = false) =>
    columns.some((c) => c.column === column && c.from === "file")
      ? [
          perText(
            "trimmed",
            column,
            `SELECT id, raw AS "from", text AS "to" FROM intake_text WHERE col = ${sqlText(column)} AND text <> '' AND raw <> text`,
            step,
            onlyPassing,
          ),
        ]
      : [];
  const changes = [
    ...trimmed("indicator_id", 1),
    ...trimmed("period", 2),
    ...trimmed("value", 3),
    perText(
      "period_normalised",
      "period",
      `SELECT p.id, t.text AS "from", p.code AS "to" FROM intake_period_ids p JOIN intake_text t ON t.col = 'period' AND t.id = p.id WHERE p.ok = 1 AND p.code <> t.text`,
      4,
    ),
    ...trimmed("unit", 5),
    ...dimensionNames.flatMap((d, k) =>
      dimensions.includes(d)
        ? [
            ...trimmed(d, 10 + 2 * k),
            perText(
              "recoded",
              d,
              `SELECT k.id, t.text AS "from", CASE WHEN k.code = '' THEN '(total)' ELSE k.code END AS "to" FROM intake_code_ids k JOIN intake_text t ON t.col = ${sqlText(d)} AND t.id = k.id WHERE k.dimension = ${sqlText(d)} AND t.text <> '' AND k.code <> t.text`,
              11 + 2 * k,
            ),
          ]
        : [],
    ),
    ...trimmed("obs_status", 50, true),
    ...trimmed("source", 51, true),
    ...trimmed("note", 52, true),
  ];
  return `SELECT kind, "column", "from", "to", sum(count) AS count, min(first_row) AS first_row, arg_min(step, first_row) AS first_step FROM (${changes.join("\nUNION ALL ")}) GROUP BY ALL ORDER BY first_row, first_step`;
}
