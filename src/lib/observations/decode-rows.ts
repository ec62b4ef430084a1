import type { Row } from "../db/engine";
import type { SeriesPoint } from "./series-point";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Rows from the series queries, checked field by field instead of cast. */
export function toSeriesPoints(
  rows: readonly Row[],
): (SeriesPoint & { indicator_id: string | null; code: string | null })[] {
  return rows.map((row) => ({
    indicator_id: text(row.indicator_id),
    code: text(row.code),
    period: text(row.period) ?? "",
    time: num(row.time) ?? 0,
    value: num(row.value),
    obs_status: text(row.obs_status),
    source: text(row.source),
    note: text(row.note),
  }));
}

export function isIllustrative(points: readonly SeriesPoint[]): boolean {
  return points.some((p) => p.obs_status === "illustrative");
}
