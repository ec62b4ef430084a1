import { type Table, tableFromIPC } from "apache-arrow";
import type { DimensionName } from "../../catalog/schema";
import type { Engine } from "../../db/engine";
import type { Observation, ObsStatus } from "../../observations/columns";
import { sqlName } from "./sql-literal";

/** What each distinct text of a column reads as, by its id: built once per file in JavaScript. */
export interface ReadTexts {
  indicator: readonly string[];
  period: readonly ({ code: string; time: number } | null)[];
  /** Per breakdown the file has: the code of each id (undefined: the total). */
  codes: ReadonlyMap<DimensionName, readonly (string | undefined)[]>;
  unit: readonly (string | null)[];
  status: readonly ObsStatus[];
  source: readonly (string | null)[];
  note: readonly (string | null)[];
}

/** An Int32 or Float64 column of the result as its typed array (one record batch or several). */
function numbers(table: Table, name: string): ArrayLike<number> {
  const vector = table.getChild(name);
  if (!vector) return [];
  return vector.data.length === 1
    ? (vector.data[0]?.values as ArrayLike<number>)
    : (vector.toArray() as ArrayLike<number>);
}

/**
 * The rows that pass, back as observations, read as integer ids and numbers only (no text
 * crosses from DuckDB): each id is looked up in what its text was read as. Rows with the same
 * breakdown share one frozen object, as the JavaScript rules do.
 */
export async function readObservations(
  engine: Engine,
  dimensions: readonly DimensionName[],
  read: ReadTexts,
): Promise<Observation[]> {
  const refs = dimensions.map((d) => sqlName(`${d}_ref`));
  const table = tableFromIPC(
    await engine.queryArrowIpc(
      `SELECT "row", indicator_id_ref, period_ref, CASE WHEN value_kind = 'number' THEN number END AS value,
        unit_ref, obs_status_ref, source_ref, note_ref${refs.map((r) => `, ${r}`).join("")}
      FROM intake_checked
      WHERE period_ok AND NOT has_error AND "row" NOT IN (SELECT "row" FROM intake_duplicates)
      ORDER BY "row"`,
    ),
  );
  const rows = table.numRows;
  const row = numbers(table, "row");
  const indicator = numbers(table, "indicator_id_ref");
  const period = numbers(table, "period_ref");
  const valueVector = table.getChild("value");
  const value = numbers(table, "value");
  const unit = numbers(table, "unit_ref");
  const status = numbers(table, "obs_status_ref");
  const source = numbers(table, "source_ref");
  const note = numbers(table, "note_ref");
  const codeRefs = dimensions.map((d) => ({
    dimension: d,
    refs: numbers(table, `${d}_ref`),
    codes: read.codes.get(d) ?? [],
  }));
  const shared = new Map<string, Readonly<Partial<Record<DimensionName, string>>>>();
  const observations: Observation[] = [];
  for (let i = 0; i < rows; i++) {
    let key = "";
    for (const { refs } of codeRefs) key += `${refs[i]},`;
    let breakdown = shared.get(key);
    if (!breakdown) {
      const fresh: Partial<Record<DimensionName, string>> = {};
      for (const { dimension, refs, codes } of codeRefs) {
        const code = codes[refs[i] ?? 0];
        if (code !== undefined) fresh[dimension] = code;
      }
      breakdown = Object.freeze(fresh);
      shared.set(key, breakdown);
    }
    const parsed = read.period[period[i] ?? 0];
    observations.push({
      indicator_id: read.indicator[indicator[i] ?? 0] ?? "",
      period: parsed?.code ?? "",
      time: parsed?.time ?? 0,
      value: valueVector?.isValid(i) ? (value[i] ?? null) : null,
      dimensions: breakdown,
      unit: read.unit[unit[i] ?? 0] ?? null,
      obs_status: read.status[status[i] ?? 0] ?? "normal",
      source: read.source[source[i] ?? 0] ?? null,
      note: read.note[note[i] ?? 0] ?? null,
      row: row[i] ?? 0,
    });
  }
  return observations;
}
