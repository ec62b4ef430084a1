import { observationColumns } from "../../observations/columns";
import { sqlName } from "./sql-literal";

/**
 * `intake_history`: the accepted observations of the indicators the file holds, in the shape of
 * `intake_observations` (observation columns + `row`, NULL here), read from the engine's table of
 * accepted data (`observations` in the page's engine). A view: nothing is copied. The
 * plausibility checks compare `intake_observations` with it.
 */
export function historyViewSql(accepted = "observations"): string {
  const columns = observationColumns.map(sqlName).join(", ");
  return `CREATE OR REPLACE VIEW intake_history AS SELECT ${columns}, CAST(NULL AS INTEGER) AS "row" FROM ${sqlName(accepted)} WHERE indicator_id IN (SELECT DISTINCT indicator_id FROM intake_observations)`;
}
