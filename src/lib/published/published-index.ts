/**
 * How the published observations are laid out, read from `data/observations.index.json`:
 * - "whole": one Parquet file the app downloads entirely at start (small national datasets);
 * - "ranged": one large Parquet file sorted by indicator, read piece by piece with HTTP range
 *   requests; the index names the row groups holding each indicator, and a small
 *   `headlines.parquet` holds what the overview needs, so opening it downloads almost nothing.
 */
export interface PublishedIndex {
  layout: "whole" | "ranged";
  rows: number;
  rowGroupSize: number;
  /** Row groups (0-based) holding each indicator's rows, ascending. */
  rowGroups: Record<string, number[]>;
}

/** Above this many rows the build publishes the ranged layout. */
export const rangedLayoutFromRows = 500_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function parsePublishedIndex(value: unknown): PublishedIndex | null {
  if (!isRecord(value)) return null;
  const { layout, rows, rowGroupSize, rowGroups } = value;
  if (layout !== "whole" && layout !== "ranged") return null;
  if (typeof rows !== "number" || typeof rowGroupSize !== "number" || !isRecord(rowGroups))
    return null;
  const groups: Record<string, number[]> = Object.create(null);
  for (const [id, list] of Object.entries(rowGroups)) {
    if (!Array.isArray(list) || !list.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
    groups[id] = list as number[];
  }
  return { layout, rows, rowGroupSize, rowGroups: groups };
}

/**
 * The index of a file sorted by indicator, from each indicator's first and last row (0-based, in
 * file order) and the writer's row group size.
 */
export function indexFromRowRanges(
  ranges: readonly { indicatorId: string; firstRow: number; lastRow: number }[],
  rows: number,
  rowGroupSize: number,
  layout: PublishedIndex["layout"],
): PublishedIndex {
  const rowGroups: Record<string, number[]> = Object.create(null);
  for (const { indicatorId, firstRow, lastRow } of ranges) {
    const first = Math.floor(firstRow / rowGroupSize);
    const last = Math.floor(lastRow / rowGroupSize);
    rowGroups[indicatorId] = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }
  return { layout, rows, rowGroupSize, rowGroups };
}

/** The row groups to read for some indicators, each once, ascending. */
export function rowGroupsFor(index: PublishedIndex, indicatorIds: readonly string[]): number[] {
  const set = new Set<number>();
  for (const id of indicatorIds) for (const g of index.rowGroups[id] ?? []) set.add(g);
  return [...set].sort((a, b) => a - b);
}

/**
 * SQL: each indicator's first and last row in a file sorted by indicator (its rows are
 * contiguous, so numbering rows by indicator gives their positions in the file).
 */
export const indicatorRowRangesSql = (table: string) =>
  `SELECT indicator_id AS "indicatorId", min(rn) AS "firstRow", max(rn) AS "lastRow" FROM (SELECT indicator_id, row_number() OVER (ORDER BY indicator_id) - 1 AS rn FROM ${table}) GROUP BY indicator_id ORDER BY 2`;
