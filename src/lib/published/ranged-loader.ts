import type { Engine } from "../db/engine";
import { inTransaction } from "../db/transaction";
import { exclusive } from "../submissions/exclusive";
import { rebuildSql } from "../submissions/submission-sql";
import { observationsDataset, tableColumns } from "../tables/table-descriptors";
import { type PublishedIndex, rowGroupsFor } from "./published-index";

/** Makes sure the published rows of some indicators are in the engine before a view queries them. */
export type EnsureIndicators = (indicatorIds: readonly string[]) => Promise<void>;

export const everythingLoaded: EnsureIndicators = async () => {};

/** Reads some row groups (0-based) of the published file, as an Arrow IPC stream. */
export type ReadRowGroups = (rowGroups: readonly number[]) => Promise<Uint8Array>;

const staging = "ranged_staging";

/**
 * For the ranged layout: the first time a view needs an indicator, reads only the row groups
 * holding it from the published file and puts its rows in place of the headline rows loaded at
 * start. It rebuilds the rows in effect, so it takes its turn with accepting, undoing and
 * reloading (`exclusive`), and it swaps the rows in one transaction: a failed read or insert
 * leaves the headline rows, and the indicator is read again next time.
 */
export function createRangedLoader(
  engine: Engine,
  readRowGroups: ReadRowGroups,
  index: PublishedIndex,
): EnsureIndicators {
  const loaded = new Set<string>();
  const base = observationsDataset.base;
  const columns = tableColumns.join(", ");
  return (indicatorIds) =>
    exclusive(engine, async () => {
      const missing = [...new Set(indicatorIds)].filter(
        (id) => !loaded.has(id) && (index.rowGroups[id]?.length ?? 0) > 0,
      );
      if (missing.length === 0) return;
      const ipc = await readRowGroups(rowGroupsFor(index, missing));
      const marks = missing.map(() => "?").join(", ");
      try {
        await engine.exec(`DROP TABLE IF EXISTS ${staging}`);
        await engine.insertArrowIpc(staging, ipc);
        await inTransaction(engine, async () => {
          await engine.query(`DELETE FROM ${base} WHERE indicator_id IN (${marks})`, missing);
          await engine.query(
            `INSERT INTO ${base} SELECT ${columns} FROM ${staging} WHERE indicator_id IN (${marks}) ORDER BY indicator_id, time`,
            missing,
          );
          await engine.exec(rebuildSql(observationsDataset));
        });
      } finally {
        await engine.exec(`DROP TABLE IF EXISTS ${staging}`).catch(() => undefined);
      }
      for (const id of missing) loaded.add(id);
    });
}
