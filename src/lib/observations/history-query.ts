import { type DimensionName, dimensionNames } from "../catalog/schema";
import type { Row } from "../db/engine";
import type { Observation, ObsStatus } from "./columns";
import type { SqlQuery } from "./series-sql";

/** Accepted observations of some indicators, for the year-on-year check of a new file. */
export function buildHistorySql(indicatorIds: readonly string[]): SqlQuery {
  if (indicatorIds.length === 0)
    return { sql: "SELECT * FROM observations WHERE false", params: [] };
  return {
    sql: `SELECT indicator_id, period, time, value, ${dimensionNames.join(", ")} FROM observations WHERE indicator_id IN (${indicatorIds.map(() => "?").join(", ")})`,
    params: [...indicatorIds],
  };
}

export function rowsToObservations(rows: readonly Row[]): Observation[] {
  return rows.map((row) => {
    const dimensions: Partial<Record<DimensionName, string>> = {};
    for (const d of dimensionNames)
      if (typeof row[d] === "string") dimensions[d] = row[d] as string;
    return {
      indicator_id: String(row.indicator_id),
      period: String(row.period),
      time: Number(row.time),
      value: typeof row.value === "number" ? row.value : null,
      dimensions,
      unit: null,
      obs_status: "normal" as ObsStatus,
      source: null,
      note: null,
    };
  });
}
