import type { Catalog } from "../../catalog/schema";
import type { Observation } from "../../observations/columns";
import type { Finding } from "../findings";
import type { IntakeOptions } from "../intake-result";
import { subgroupExceedsTotal, unusualJumps } from "../series-checks";

/**
 * Plausibility over the checked rows: subgroups above their total, unusual jumps from the
 * accepted history of the file's indicators. Warnings only: they never stop an accept.
 */
export async function seriesWarnings(
  catalog: Catalog,
  file: string,
  observations: readonly Observation[],
  history: IntakeOptions["history"],
): Promise<Finding[]> {
  const accepted =
    typeof history === "function"
      ? await history([...new Set(observations.map((o) => o.indicator_id))])
      : (history ?? []);
  return [
    ...subgroupExceedsTotal(catalog, observations, file),
    ...unusualJumps(accepted, observations, file),
  ];
}
