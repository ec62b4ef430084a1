import { dimensionNames } from "../catalog/schema";
import type { Engine, Row } from "../db/engine";
import { obsStatuses } from "../observations/columns";
import type { ExportObservation } from "./observation-attributes";

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** A row of the `observations` table in the tidy shape the SDMX builders read. */
export function toExportObservation(row: Row): ExportObservation {
  const status = obsStatuses.find((s) => s === row.obs_status) ?? "normal";
  return {
    indicator_id: String(row.indicator_id),
    period: String(row.period),
    value: typeof row.value === "number" && Number.isFinite(row.value) ? row.value : null,
    dimensions: Object.fromEntries(
      dimensionNames.flatMap((d) => {
        const code = text(row[d]);
        return code === null ? [] : [[d, code]];
      }),
    ),
    obs_status: status,
    source: text(row.source),
    note: text(row.note),
  };
}

/**
 * Everything the page shows except demo rows, read through the Engine interface (the only SDMX
 * code that touches the engine; the builders stay pure), in a stable order.
 */
export async function exportableObservations(engine: Engine): Promise<ExportObservation[]> {
  const rows = await engine.query(
    `SELECT indicator_id, period, value, obs_status, source, note, ${dimensionNames.join(", ")}
     FROM observations WHERE obs_status IS DISTINCT FROM 'illustrative'
     ORDER BY indicator_id, time, ${dimensionNames.map((d) => `${d} NULLS FIRST`).join(", ")}`,
  );
  return rows.map(toExportObservation);
}
