import type { Catalog } from "../catalog/schema";
import type { Engine } from "../db/engine";
import type { Finding } from "../intake/findings";
import type { Observation } from "../observations/columns";
import { checkPlausibility } from "./check-plausibility";
import { stagePlausibilityTable } from "./plausibility-table";

export type ObservationsChecker = (
  incoming: readonly Observation[],
  file: string,
) => Promise<Finding[]>;

/**
 * Plausibility of files read in JavaScript (the command line), on an engine of their own: the
 * history is staged once, each file's rows (with their spreadsheet rows) in turn.
 */
export async function observationsChecker(
  engine: Engine,
  history: readonly Observation[],
  catalog: Pick<Catalog, "indicators" | "rules">,
): Promise<ObservationsChecker> {
  // Stored data carry no spreadsheet row, whatever they were read from.
  await stagePlausibilityTable(
    engine,
    "plausibility_history",
    history.map(({ row: _row, ...o }) => o),
  );
  return async (incoming, file) => {
    await stagePlausibilityTable(engine, "plausibility_incoming", incoming);
    return checkPlausibility(
      engine,
      { incoming: "plausibility_incoming", history: "plausibility_history" },
      catalog,
      file,
    );
  };
}
