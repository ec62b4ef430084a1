/** One observation of a series as the progress maths and charts read it. */
export interface SeriesPoint {
  period: string;
  time: number;
  value: number | null;
  obs_status?: string | null;
  /** A data source id (data/sources.json) or the source text the data gave. */
  source?: string | null;
  note?: string | null;
}

/** The most recent of some points (by time), or null when there are none. */
export function latestOf<P extends { time: number }>(points: Iterable<P>): P | null {
  let best: P | null = null;
  for (const p of points) if (best === null || p.time > best.time) best = p;
  return best;
}
