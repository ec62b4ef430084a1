import { from, op } from "arquero";
import { z } from "zod";
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

const yearGroup = z.object({
  first: z.number(),
  periods: z.number(),
  missing: z.number(),
  value: z.number().nullable(),
});

/**
 * A quarterly series of amounts or counts as years: a year's value is the sum of its four
 * quarters when all four are there; otherwise it has none (a partial sum would read as a fall).
 */
export function toYears(points: readonly DepartmentPoint[]): DepartmentPoint[] {
  if (points.length === 0) return [];
  const years = from(
    points.map((p, index) => ({
      index,
      code: p.code,
      year: p.period.slice(0, 4),
      period: p.period,
      value: p.value,
    })),
  )
    .groupby("code", "year")
    .rollup({
      first: op.min("index"),
      periods: op.distinct("period"),
      missing: (d: { value: number | null }) => op.sum(d.value === null ? 1 : 0),
      value: op.sum("value"),
    })
    .orderby("first");
  return years.objects().flatMap((row) => {
    const group = yearGroup.parse(row);
    const first = points[group.first];
    if (!first) return [];
    const year = first.period.slice(0, 4);
    const complete = group.periods === 4 && group.missing === 0;
    return [
      {
        ...first,
        period: year,
        time: Number(year),
        value: complete ? group.value : null,
        note: complete ? first.note : "incomplete-year",
      },
    ];
  });
}
