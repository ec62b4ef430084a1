import * as arrow from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import type { Observation } from "../../src/lib/observations/columns";
import {
  exportObservationsParquet,
  loadObservations,
  observationsToColumns,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import type { PublishedIndex } from "../../src/lib/published/published-index";
import { createRangedLoader, type ReadRowGroups } from "../../src/lib/published/ranged-loader";
import { loadBase } from "../../src/lib/submissions/submission-service";
import { changeUnderWay, heldFor } from "../helpers/change-under-way";

let engine: Engine;
let ids: string[];
let published: Observation[];
const index: PublishedIndex = { layout: "ranged", rows: 0, rowGroupSize: 1, rowGroups: {} };

/** An indicator's rows in a table: the rows in effect (what views read) or the published base. */
const rowsIn = async (id: string, table = "observations") =>
  Number(
    (await engine.query(`SELECT count(*) AS n FROM ${table} WHERE indicator_id = ?`, [id]))[0]?.n,
  );
const rowsInEffect = (id: string) => rowsIn(id);
const publishedRows = (id: string) => published.filter((o) => o.indicator_id === id).length;
/** Reads the published rows of the indicators whose row groups are asked for, and logs the ask. */
function reader(
  reads: number[][],
  ipc = () => columnsToIpc(arrow, observationsToColumns(published)),
): ReadRowGroups {
  return async (groups) => {
    reads.push([...groups]);
    return ipc();
  };
}

// As the ranged layout starts: every published row of the other indicators, and for the three
// used here only their headline row (the latest), the rest to be read on demand.
beforeAll(async () => {
  published = await collectObservations(["real"]);
  const counts = new Map<string, number>();
  for (const o of published) counts.set(o.indicator_id, (counts.get(o.indicator_id) ?? 0) + 1);
  ids = [...counts]
    .filter(([, n]) => n >= 3)
    .map(([id]) => id)
    .slice(0, 3);
  expect(ids).toHaveLength(3);
  for (const [group, id] of ids.entries()) index.rowGroups[id] = [group];
  const headline = (id: string) =>
    published.filter((o) => o.indicator_id === id).sort((a, b) => b.time - a.time)[0];
  const atStart = [
    ...published.filter((o) => !ids.includes(o.indicator_id)),
    ...ids.map((id) => headline(id) as Observation),
  ];
  const builder = await startNodeEngine();
  await loadObservations(builder, atStart);
  const parquet = await exportObservationsParquet(builder, nodeParquet);
  await builder.close();
  engine = await startNodeEngine();
  await loadBase(engine, nodeParquet, parquet);
});
afterAll(async () => engine.close());

describe("the ranged loader of published rows", () => {
  it("puts an indicator's published rows in place of its headline row, read once", async () => {
    const [first, second] = ids as [string, string];
    const reads: number[][] = [];
    const ensure = createRangedLoader(engine, reader(reads), index);
    expect(await rowsInEffect(first)).toBe(1);
    await ensure([first]);
    expect(await rowsInEffect(first)).toBe(publishedRows(first));
    expect(await rowsInEffect(second)).toBe(1);
    await ensure([first]);
    await ensure([first, second]);
    expect(reads).toEqual([[0], [1]]);
    expect(await rowsInEffect(second)).toBe(publishedRows(second));
  });

  it("keeps the headline row when the rows read cannot go in, and reads them again next time", async () => {
    const third = ids[2] as string;
    const reads: number[][] = [];
    // The first answer lacks the value column: the rows cannot go in after the old ones are out.
    let answers = 0;
    const ensure = createRangedLoader(
      engine,
      reader(reads, () => {
        const columns = observationsToColumns(published);
        if (answers++ === 0) delete columns.value;
        return columnsToIpc(arrow, columns);
      }),
      index,
    );
    await expect(ensure([third])).rejects.toThrow(/value/);
    // Neither the base (which later rebuilds start from) nor the rows in effect lost the row.
    expect(await rowsIn(third, "base_observations")).toBe(1);
    expect(await rowsInEffect(third)).toBe(1);
    await ensure([third]);
    expect(reads).toEqual([[2], [2]]);
    expect(await rowsInEffect(third)).toBe(publishedRows(third));
    const left = await engine.query(
      "SELECT table_name FROM duckdb_tables() WHERE table_name = 'ranged_staging'",
    );
    expect(left).toEqual([]);
  });

  it("waits for a change of accepted data under way before it rebuilds the rows in effect", async () => {
    const ensure = createRangedLoader(engine, reader([]), {
      ...index,
      rowGroups: { [ids[0] as string]: [0] },
    });
    // A fresh loader has not loaded the first indicator; the queue holds it back meanwhile.
    const change = changeUnderWay(engine);
    const load = ensure([ids[0] as string]);
    const first = await heldFor(load, 500);
    change.release();
    await change.done;
    await load;
    expect(first).toBe("held");
  });
});
