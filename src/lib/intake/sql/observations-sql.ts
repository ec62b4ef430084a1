import { dimensionNames } from "../../catalog/schema";
import { obsStatuses } from "../../observations/columns";
import { sqlName, sqlText } from "./sql-literal";

/**
 * `intake_observations`: the rows without an error, in the observation columns
 * (src/lib/observations/columns.ts; a blank breakdown is NULL, the total) plus `row`, for the
 * plausibility checks and for staging.
 */
export const observationsSql = `CREATE OR REPLACE TABLE intake_observations AS SELECT
    known_id AS indicator_id,
    period_code AS period,
    CASE WHEN value_kind = 'number' THEN number END AS value,
    ${dimensionNames.map((d) => `nullif(${sqlName(`code_${d}`)}, '') AS ${sqlName(d)}`).join(", ")},
    nullif(unit, '') AS unit,
    CASE WHEN obs_status IN (${obsStatuses.map(sqlText).join(", ")}) THEN obs_status ELSE 'normal' END AS obs_status,
    nullif(source, '') AS source,
    nullif(note, '') AS note,
    "row"
  FROM intake_checked
  WHERE period_ok AND "row" NOT IN (SELECT "row" FROM intake_findings WHERE severity = 'error')
  ORDER BY "row"`;
