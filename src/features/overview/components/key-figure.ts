import type { Periodicity } from "@/lib/catalog/schema";
import type { SeriesPoint } from "@/lib/observations/series-point";

/** What a key figure is: one period's value, or the sum of the last four consecutive quarters. */
export type KeyFigure =
  | {
      kind: "period";
      periodicity: Periodicity;
      value: number;
      period: string;
      points: SeriesPoint[];
    }
  | { kind: "sum12"; value: number; from: string; to: string; points: SeriesPoint[] };

const quarterIndex = (period: string): number | null => {
  const m = period.match(/^(\d{4})-Q([1-4])$/);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : null;
};

/**
 * The figure a tile shows. Counts reported by quarter are summed over the last four quarters when
 * all four are there and consecutive (a 12-month total a minister can quote); otherwise, and for
 * every other series, the latest value of its own period, labelled as such.
 */
export function keyFigure(
  points: readonly SeriesPoint[],
  periodicity: Periodicity,
  sumYear: boolean,
): KeyFigure | null {
  const observed = points.filter((p): p is SeriesPoint & { value: number } => p.value !== null);
  const latest = observed.at(-1);
  if (!latest) return null;
  if (sumYear && periodicity === "quarterly") {
    const lastFour = observed.slice(-4);
    const indexes = lastFour.map((p) => quarterIndex(p.period));
    const consecutive =
      lastFour.length === 4 &&
      indexes.every((i, k) => i !== null && (k === 0 || i === (indexes[k - 1] ?? -2) + 1));
    const first = lastFour[0];
    if (consecutive && first)
      return {
        kind: "sum12",
        value: lastFour.reduce((s, p) => s + p.value, 0),
        from: first.period,
        to: latest.period,
        points: lastFour,
      };
  }
  return {
    kind: "period",
    periodicity,
    value: latest.value,
    period: latest.period,
    points: [latest],
  };
}
