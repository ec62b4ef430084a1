import type { SeriesPoint } from "./series-point";

/** One department's value in one period, with what the map's tooltip and table say about it. */
export interface DepartmentPoint extends SeriesPoint {
  code: string;
}

/** Every period that has a value for some department, oldest first, and its values by code. */
export function byPeriod(
  points: readonly DepartmentPoint[],
): Map<string, Map<string, DepartmentPoint>> {
  const periods = new Map<string, Map<string, DepartmentPoint>>();
  for (const p of [...points].sort((a, b) => a.time - b.time)) {
    let at = periods.get(p.period);
    if (!at) {
      at = new Map();
      periods.set(p.period, at);
    }
    at.set(p.code, p);
  }
  return periods;
}

/**
 * A quarterly series of amounts or counts as years: a year's value is the sum of its four
 * quarters when all four are there; otherwise it has none (a partial sum would read as a fall).
 */
export function toYears(points: readonly DepartmentPoint[]): DepartmentPoint[] {
  const groups = new Map<string, DepartmentPoint[]>();
  for (const p of points) {
    const key = `${p.code}\u0000${p.period.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].flatMap((quarters) => {
    const first = quarters[0];
    if (!first) return [];
    const year = first.period.slice(0, 4);
    const complete =
      new Set(quarters.map((q) => q.period)).size === 4 && quarters.every((q) => q.value !== null);
    return [
      {
        ...first,
        period: year,
        time: Number(year),
        value: complete ? quarters.reduce((s, q) => s + (q.value ?? 0), 0) : null,
        note: complete ? first.note : "incomplete-year",
      },
    ];
  });
}
