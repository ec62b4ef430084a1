import type { Engine } from "../db/engine";
import type { ParquetWasm } from "../parquet/parquet-codec";
import { rebuildSql } from "../submissions/submission-sql";
import { observationsDataset, tableColumns } from "../tables/table-descriptors";
import { type PublishedIndex, rowGroupsFor } from "./published-index";

/** Makes sure the published rows of some indicators are in the engine before a view queries them. */
export type EnsureIndicators = (indicatorIds: readonly string[]) => Promise<void>;

export const everythingLoaded: EnsureIndicators = async () => {};

type OpenedFile = Awaited<ReturnType<ParquetWasm["ParquetFile"]["fromUrl"]>>;

/**
 * For the ranged layout: the first time a view needs an indicator, reads only the row groups
 * holding it from the published file (HTTP range requests, by parquet-wasm) and puts its rows in
 * place of the headline rows loaded at start. Calls run one at a time, in order.
 */
export function createRangedLoader(
  engine: Engine,
  pq: ParquetWasm,
  url: string,
  index: PublishedIndex,
): EnsureIndicators {
  const loaded = new Set<string>();
  let file: Promise<OpenedFile> | undefined;
  let queue: Promise<void> = Promise.resolve();
  const base = observationsDataset.base;
  const columns = tableColumns.join(", ");
  return (indicatorIds) => {
    const run = queue.then(async () => {
      const missing = [...new Set(indicatorIds)].filter(
        (id) => !loaded.has(id) && (index.rowGroups[id]?.length ?? 0) > 0,
      );
      if (missing.length === 0) return;
      file ??= pq.ParquetFile.fromUrl(url);
      const table = await (await file).read({ rowGroups: rowGroupsFor(index, missing) });
      const marks = missing.map(() => "?").join(", ");
      await engine.exec("DROP TABLE IF EXISTS ranged_staging");
      await engine.insertArrowIpc("ranged_staging", table.intoIPCStream());
      await engine.query(`DELETE FROM ${base} WHERE indicator_id IN (${marks})`, missing);
      await engine.query(
        `INSERT INTO ${base} SELECT ${columns} FROM ranged_staging WHERE indicator_id IN (${marks}) ORDER BY indicator_id, time`,
        missing,
      );
      await engine.exec("DROP TABLE ranged_staging");
      await engine.exec(rebuildSql(observationsDataset));
      for (const id of missing) loaded.add(id);
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
