import type { SeriesPoint } from "../observations/series-point";

/** The periods of all series in time order, and each series' values on that shared axis (null = gap). */
export function alignSeries(series: readonly (readonly SeriesPoint[])[]): {
  periods: string[];
  values: (number | null)[][];
} {
  const times = new Map<string, number>();
  for (const points of series) for (const p of points) times.set(p.period, p.time);
  const periods = [...times.entries()].sort((a, b) => a[1] - b[1]).map(([period]) => period);
  const values = series.map((points) => {
    const byPeriod = new Map(points.map((p) => [p.period, p.value]));
    return periods.map((period) => byPeriod.get(period) ?? null);
  });
  return { periods, values };
}
