import Papa from "papaparse";
import { type DimensionName, dimensionNames } from "../../src/lib/catalog/schema";
import type { ObsStatus } from "../../src/lib/observations/columns";

/** One derived observation, as the tidy files in data/observations/ hold it. */
export interface TidyRow {
  indicator_id: string;
  period: string;
  /** null: missing (or censored: the note says what the source held). */
  value: number | null;
  dimensions?: Partial<Record<DimensionName, string>>;
  obs_status: ObsStatus;
  /** An id of data/sources.json. */
  source: string;
  note?: string;
}

/**
 * The tidy CSV of derived rows: the required columns, the dimensions any row uses (in catalog
 * order), then status, source and note. Numbers print in JavaScript's shortest exact form, so the
 * same rows always give the same bytes.
 */
export function tidyCsv(rows: readonly TidyRow[]): string {
  const used = dimensionNames.filter((d) => rows.some((r) => r.dimensions?.[d] !== undefined));
  const fields = ["indicator_id", "period", "value", ...used, "obs_status", "source", "note"];
  const data = rows.map((r) => [
    r.indicator_id,
    r.period,
    r.value === null ? "" : String(r.value),
    ...used.map((d) => r.dimensions?.[d] ?? ""),
    r.obs_status,
    r.source,
    r.note ?? "",
  ]);
  return `${Papa.unparse({ fields, data }, { newline: "\n" })}\n`;
}
