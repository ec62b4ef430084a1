import { dimensionNames } from "../catalog/schema";
import {
  type ArrowModule,
  type ColumnValues,
  createNumberColumn,
  createTextColumn,
  vectorsToIpc,
} from "../db/columns-to-ipc";
import type { Engine } from "../db/engine";
import { arrowIpcToParquet, type ParquetWasm, parquetToArrowIpc } from "../parquet/parquet-codec";
import { publishedRowGroupSize } from "../parquet/row-group-size";
import { observationsTable, tableColumns } from "../tables/table-descriptors";
import type { Observation } from "./columns";

/**
 * A breakdown's codes, in the order of `dimensionNames`. Breakdown objects differ in shape, so
 * reading a code by name is a slow generic lookup; rows share a few thousand of them (the intake
 * freezes one per breakdown), so each one's codes are read once and found again by identity.
 */
function breakdownCodes(): (breakdown: Observation["dimensions"]) => readonly (string | null)[] {
  const known = new Map<Observation["dimensions"], (string | null)[]>();
  let last: Observation["dimensions"] | null = null;
  let lastCodes: (string | null)[] = [];
  return (breakdown) => {
    if (breakdown === last) return lastCodes;
    let found = known.get(breakdown);
    if (!found) {
      found = dimensionNames.map((d) => breakdown[d] ?? null);
      known.set(breakdown, found);
    }
    last = breakdown;
    lastCodes = found;
    return found;
  };
}

/**
 * Observations as the Arrow IPC stream of `observationColumnsLazily` (the same columns, types and
 * rows), built in one pass over the rows: each row's fields are read while the row is at hand.
 * Building a column at a time read every row sixteen times.
 */
export function observationsToIpc(
  arrow: ArrowModule,
  observations: readonly Observation[],
): Uint8Array {
  const n = observations.length;
  const indicator = createTextColumn(n);
  const period = createTextColumn(n);
  const time = createNumberColumn(n);
  const value = createNumberColumn(n);
  const codes = dimensionNames.map((d) => ({ name: d, column: createTextColumn(n) }));
  const unit = createTextColumn(n);
  const status = createTextColumn(n);
  const source = createTextColumn(n);
  const note = createTextColumn(n);
  const codesOf = breakdownCodes();
  for (let i = 0; i < n; i++) {
    const o = observations[i] as Observation;
    indicator.set(i, o.indicator_id);
    period.set(i, o.period);
    time.set(i, o.time);
    value.set(i, o.value);
    const breakdown = codesOf(o.dimensions);
    for (let d = 0; d < codes.length; d++) codes[d]?.column.set(i, breakdown[d]);
    unit.set(i, o.unit);
    status.set(i, o.obs_status);
    source.set(i, o.source);
    note.set(i, o.note);
  }
  return vectorsToIpc(arrow, {
    indicator_id: indicator.vector(arrow),
    period: period.vector(arrow),
    time: time.vector(arrow),
    value: value.vector(arrow),
    ...Object.fromEntries(codes.map(({ name, column }) => [name, column.vector(arrow)])),
    unit: unit.vector(arrow),
    obs_status: status.vector(arrow),
    source: source.vector(arrow),
    note: note.vector(arrow),
  });
}

/**
 * Observations as typed columns in table order, each built only when asked for: turned into Arrow
 * one by one, a million rows never hold every column's plain values at once.
 */
export function observationColumnsLazily(
  observations: readonly Observation[],
): Record<string, () => ColumnValues> {
  const text = (pick: (o: Observation) => string | null) => (): ColumnValues => ({
    kind: "text",
    values: observations.map(pick),
  });
  const code = (k: number) => (): ColumnValues => {
    const codesOf = breakdownCodes();
    return { kind: "text", values: observations.map((o) => codesOf(o.dimensions)[k] ?? null) };
  };
  return {
    indicator_id: text((o) => o.indicator_id),
    period: text((o) => o.period),
    time: () => ({ kind: "number", values: observations.map((o) => o.time) }),
    value: () => ({ kind: "number", values: observations.map((o) => o.value) }),
    ...Object.fromEntries(dimensionNames.map((d, k) => [d, code(k)])),
    unit: text((o) => o.unit),
    obs_status: text((o) => o.obs_status),
    source: text((o) => o.source),
    note: text((o) => o.note),
  };
}

/** Observations as typed columns in table order, for Arrow IPC. */
export function observationsToColumns(
  observations: readonly Observation[],
): Record<string, ColumnValues> {
  return Object.fromEntries(
    Object.entries(observationColumnsLazily(observations)).map(([name, build]) => [name, build()]),
  );
}

/**
 * Rows grouped by indicator (in id order, file order within), in linear time: stored this way,
 * DuckDB's zone maps let a one-indicator query skip the other indicators' row groups.
 */
export function groupByIndicator(observations: readonly Observation[]): Observation[] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const group = groups.get(o.indicator_id);
    if (group) group.push(o);
    else groups.set(o.indicator_id, [o]);
  }
  return [...groups.keys()].sort().flatMap((id) => groups.get(id) ?? []);
}

/** Sorted by indicator and period so DuckDB's zone maps let a one-indicator query skip the rest. */
async function replaceFromStaging(engine: Engine, staging: string): Promise<void> {
  await engine.exec(
    `CREATE OR REPLACE TABLE ${observationsTable} AS SELECT ${tableColumns.join(", ")} FROM ${staging} ORDER BY indicator_id, time`,
  );
  await engine.exec(`DROP TABLE ${staging}`);
}

export async function loadObservations(
  engine: Engine,
  observations: readonly Observation[],
): Promise<void> {
  await engine.exec("DROP TABLE IF EXISTS observations_staging");
  await engine.insertColumns("observations_staging", observationsToColumns(observations));
  await replaceFromStaging(engine, "observations_staging");
}

export async function loadObservationsParquet(
  engine: Engine,
  pq: ParquetWasm,
  parquet: Uint8Array,
): Promise<void> {
  await engine.exec("DROP TABLE IF EXISTS observations_staging");
  await engine.insertArrowIpc("observations_staging", parquetToArrowIpc(pq, parquet));
  await replaceFromStaging(engine, "observations_staging");
}

export async function exportObservationsParquet(
  engine: Engine,
  pq: ParquetWasm,
  options: { withoutIllustrative?: boolean; table?: string } = {},
): Promise<Uint8Array> {
  const where = options.withoutIllustrative
    ? " WHERE obs_status IS DISTINCT FROM 'illustrative'"
    : "";
  const ipc = await engine.queryArrowIpc(
    `SELECT ${tableColumns.join(", ")} FROM ${options.table ?? observationsTable}${where} ORDER BY indicator_id, time`,
  );
  // Row groups of a known size, so the published index can name each indicator's.
  return arrowIpcToParquet(pq, ipc, publishedRowGroupSize);
}
