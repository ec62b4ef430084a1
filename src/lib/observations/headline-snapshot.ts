import type { Row } from "../db/engine";
import { toSeriesPoints } from "./decode-rows";

/**
 * Headline series computed before the engine is ready: at build time over the published data,
 * or saved from the last session on this machine (which includes the officer's accepted files).
 * Shown only until the engine answers, and always labelled with where and when it was computed.
 */
export interface HeadlineSnapshot {
  /** The build's real data, the build's real data with the demo laid over, or this machine's. */
  source: "published" | "demo" | "local";
  /** ISO date-time the query ran. */
  computedAt: string;
  rows: Row[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A snapshot read from JSON, checked field by field; anything else is null (and ignored). */
export function parseHeadlineSnapshot(value: unknown): HeadlineSnapshot | null {
  if (!isRecord(value)) return null;
  const { source, computedAt, rows } = value;
  if (source !== "published" && source !== "demo" && source !== "local") return null;
  if (typeof computedAt !== "string" || Number.isNaN(Date.parse(computedAt))) return null;
  if (!Array.isArray(rows) || !rows.every(isRecord)) return null;
  return { source, computedAt, rows: rows as Row[] };
}

/** The newer of two snapshots: a local one older than the published data no longer applies. */
export function newerSnapshot(
  a: HeadlineSnapshot | null,
  b: HeadlineSnapshot | null,
): HeadlineSnapshot | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a.computedAt) >= Date.parse(b.computedAt) ? a : b;
}

/** The snapshot's points grouped by indicator, for the indicators asked for (others dropped). */
export function snapshotSeries(
  snapshot: HeadlineSnapshot,
  indicatorIds: readonly string[],
): Map<string, ReturnType<typeof toSeriesPoints>> {
  const byIndicator = new Map(
    indicatorIds.map((id) => [id, [] as ReturnType<typeof toSeriesPoints>]),
  );
  for (const point of toSeriesPoints(snapshot.rows))
    byIndicator.get(point.indicator_id ?? "")?.push(point);
  return byIndicator;
}
