import { type Table, tableFromIPC } from "apache-arrow";
import type { DimensionName } from "../../catalog/schema";
import { dimensionNames } from "../../catalog/schema";
import type { Engine } from "../../db/engine";
import type { Observation, ObsStatus } from "../../observations/columns";

/** A column of the result as plain values (NULL as null), whatever Arrow type it came as. */
function column<T>(table: Table, name: string): (T | null)[] {
  const vector = table.getChild(name);
  return vector ? ([...vector] as (T | null)[]) : [];
}

/**
 * `intake_observations` back as observations, read column by column from Arrow (not row by row
 * as objects). Rows with the same breakdown share one frozen object, as the JavaScript rules do.
 */
export async function readObservations(engine: Engine): Promise<Observation[]> {
  const table = tableFromIPC(
    await engine.queryArrowIpc(
      `SELECT o.*, p.time FROM intake_observations o
       JOIN (SELECT DISTINCT code, time FROM intake_period_ids WHERE ok = 1) p ON p.code = o.period
       ORDER BY o."row"`,
    ),
  );
  const indicator = column<string>(table, "indicator_id");
  const period = column<string>(table, "period");
  const time = column<number>(table, "time");
  const value = column<number>(table, "value");
  const unit = column<string>(table, "unit");
  const status = column<string>(table, "obs_status");
  const source = column<string>(table, "source");
  const note = column<string>(table, "note");
  const row = column<number>(table, "row");
  const codes = dimensionNames.map((d) => column<string>(table, d));
  const shared = new Map<string, Readonly<Partial<Record<DimensionName, string>>>>();
  // `numRows` sums over the record batches on every read: read once, not once per row.
  const rows = table.numRows;
  const observations: Observation[] = [];
  for (let i = 0; i < rows; i++) {
    let key = "";
    for (const values of codes) key += `\u0000${values[i] ?? ""}`;
    let dimensions = shared.get(key);
    if (!dimensions) {
      const fresh: Partial<Record<DimensionName, string>> = {};
      dimensionNames.forEach((d, k) => {
        const code = codes[k]?.[i];
        if (code !== null && code !== undefined) fresh[d] = code;
      });
      dimensions = Object.freeze(fresh);
      shared.set(key, dimensions);
    }
    observations.push({
      indicator_id: indicator[i] ?? "",
      period: period[i] ?? "",
      time: time[i] ?? 0,
      value: value[i] ?? null,
      dimensions,
      unit: unit[i] ?? null,
      obs_status: (status[i] ?? "normal") as ObsStatus,
      source: source[i] ?? null,
      note: note[i] ?? null,
      row: row[i] ?? 0,
    });
  }
  return observations;
}
