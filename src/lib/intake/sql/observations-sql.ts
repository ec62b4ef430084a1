import { dimensionNames } from "../../catalog/schema";
import type { ObservationColumn } from "../../observations/columns";
import { sqlName } from "./sql-literal";
import { columnTextsSql, type StagedColumn } from "./staged-columns";

/**
 * `intake_observations`: the rows without an error, in the observation columns
 * (src/lib/observations/columns.ts; a blank breakdown is NULL, the total) plus `row`, for the
 * plausibility checks and for staging. A view: its joins run only when it is read.
 */
export function observationsSql(columns: readonly StagedColumn[]): string {
  const given = (column: ObservationColumn) =>
    columns.some((c) => c.column === column && c.from !== "absent");
  const codes = dimensionNames.map((d) =>
    given(d)
      ? `nullif(c.${sqlName(`code_${d}`)}, '') AS ${sqlName(d)}`
      : `CAST(NULL AS VARCHAR) AS ${sqlName(d)}`,
  );
  // An absent column is NULL (status: normal) on every row: no join for it.
  const texts = (["unit", "source", "note"] as const).map((column) =>
    given(column)
      ? {
          select: `nullif(${column}.text, '') AS ${column}`,
          join: `JOIN ${columnTextsSql(column)} ${column} ON ${column}.id = c.${column}_ref`,
        }
      : { select: `CAST(NULL AS VARCHAR) AS ${column}`, join: "" },
  );
  const [unit, source, note] = texts;
  const status = given("obs_status")
    ? {
        select: "status.status AS obs_status",
        join: "JOIN intake_status_ids status ON status.id = c.obs_status_ref",
      }
    : { select: "'normal' AS obs_status", join: "" };
  return `CREATE OR REPLACE VIEW intake_observations AS SELECT
    c.known_id AS indicator_id,
    c.period_code AS period,
    CASE WHEN c.value_kind = 'number' THEN c.number END AS value,
    ${codes.join(", ")},
    ${unit?.select}, ${status.select}, ${source?.select}, ${note?.select},
    c."row"
  FROM intake_checked c
  ${[unit, status, source, note].map((t) => t?.join ?? "").join("\n  ")}
  WHERE c.period_ok AND NOT c.has_error AND c."row" NOT IN (SELECT "row" FROM intake_duplicates)`;
}
