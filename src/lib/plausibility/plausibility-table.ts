import type { Engine } from "../db/engine";
import { type Observation, observationColumns } from "../observations/columns";
import { observationsToColumns } from "../observations/observation-table";
import { observationsTable } from "../tables/table-descriptors";
import { tableName } from "./rows-sql";

/** The columns the checks read: the observation columns and the spreadsheet row. */
export const plausibilityColumns = [...observationColumns, "row"] as const;

/**
 * Observations as a table the checks read (the intake stages the file's rows in one like it);
 * `row` is the spreadsheet row, NULL for data accepted earlier.
 */
export async function stagePlausibilityTable(
  engine: Engine,
  table: string,
  observations: readonly Observation[],
): Promise<void> {
  const name = tableName(table);
  const { time: _time, ...columns } = observationsToColumns(observations);
  await engine.exec(`DROP TABLE IF EXISTS ${name}_load`);
  await engine.insertColumns(`${name}_load`, {
    ...columns,
    row: { kind: "number", values: observations.map((o) => o.row ?? null) },
  });
  const list = observationColumns.join(", ");
  await engine.exec(
    `CREATE OR REPLACE TABLE ${name} AS SELECT ${list}, CAST(row AS INTEGER) AS row FROM ${name}_load`,
  );
  await engine.exec(`DROP TABLE ${name}_load`);
}

/** The data in effect (published and accepted), shaped as the checks read them. */
export function acceptedRowsSql(): string {
  return `SELECT ${observationColumns.join(", ")}, NULL::INTEGER AS row FROM ${observationsTable}`;
}
