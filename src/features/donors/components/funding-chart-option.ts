import { seriesPalette } from "@/lib/chart/palette";
import type { ChartOption } from "@/lib/echarts";
import { escapeHtml } from "@/lib/format/escape-html";

export interface FundingPoint {
  name: string;
  /** Disbursed / committed, as a percentage. */
  disbursed: number;
  /** Mean progress score −5…+5 of the commitment's indicators. */
  score: number;
}

/**
 * Points this close (in percentage points of disbursement and in score) would draw their symbols
 * on top of each other at phone width (about 2.5 px per point across, 24 px per score point up),
 * so their labels are stacked apart.
 */
const nearDisbursed = 8;
const nearScore = 0.8;
/** One label line (12 px text with its padding). */
const labelStep = 16;

/** Groups of points that sit close together, through chains of neighbours; each group oldest first. */
function clusters(points: readonly FundingPoint[]): number[][] {
  const parent = points.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  points.forEach((a, i) => {
    points.slice(i + 1).forEach((b, offset) => {
      const near =
        Math.abs(a.disbursed - b.disbursed) <= nearDisbursed &&
        Math.abs(a.score - b.score) <= nearScore;
      if (near) parent[root(i + offset + 1)] = root(i);
    });
  });
  const groups = new Map<number, number[]>();
  points.forEach((_, i) => {
    groups.set(root(i), [...(groups.get(root(i)) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * Vertical label offsets (px) that keep labels of close points apart: within a group, labels are
 * stacked one line apart in the order of the points' scores (highest on top), centred on the group,
 * the way ECharts' own `moveOverlap: "shiftY"` would. Computed here because that label layout
 * needs ECharts' LabelLayout feature, which the app does not load, and so it can be tested.
 */
export function labelOffsets(points: readonly FundingPoint[]): number[] {
  const offsets = points.map(() => 0);
  for (const group of clusters(points)) {
    const order = [...group].sort(
      (a, b) => (points[b]?.score ?? 0) - (points[a]?.score ?? 0) || a - b,
    );
    order.forEach((index, rank) => {
      offsets[index] = (rank - (order.length - 1) / 2) * labelStep;
    });
  }
  return offsets;
}

/**
 * Funding against progress: one dot per funded commitment with data, disbursement on x, progress
 * score on y. Each dot carries its number on the chart (the page lists what each number is), so
 * the chart reads in print and on touch screens without hovering; dots are see-through with an
 * outline, so one on top of another still shows.
 */
export function fundingChartOption(
  points: readonly FundingPoint[],
  labels: { x: string; y: string },
): ChartOption {
  const offsets = labelOffsets(points);
  return {
    animation: false,
    color: seriesPalette,
    grid: { left: 64, right: 32, top: 24, bottom: 56 },
    tooltip: {
      trigger: "item",
      formatter: (p: { dataIndex: number; name: string; value: [number, number] }) =>
        // ECharts renders a formatter's string as HTML.
        `${p.dataIndex + 1}. ${escapeHtml(p.name)}: ${p.value[0]} % · ${p.value[1]}`,
    },
    xAxis: { type: "value", name: labels.x, nameLocation: "middle", nameGap: 32, min: 0, max: 120 },
    yAxis: { type: "value", name: labels.y, nameLocation: "middle", nameGap: 40, min: -5, max: 5 },
    series: [
      {
        type: "scatter",
        symbolSize: 14,
        // See-through fill (the palette's first colour, #0072B2, at 55 %), opaque outline and
        // labels: a dot on top of another still lets it show, and the numbers keep full contrast.
        itemStyle: { color: "rgba(0, 114, 178, 0.55)", borderColor: "#1a1f24", borderWidth: 1.5 },
        label: {
          show: true,
          position: "right",
          distance: 6,
          color: "#1a1f24",
          fontSize: 12,
          fontWeight: "bold",
          backgroundColor: "rgba(255, 255, 255, 0.85)",
          padding: [1, 3],
        },
        data: points.map((p, i) => ({
          name: p.name,
          value: [Math.round(p.disbursed), Number(p.score.toFixed(2))],
          label: { formatter: String(i + 1), offset: [0, offsets[i] ?? 0] },
        })),
        markLine: {
          symbol: "none",
          silent: true,
          // No "0" at the line's end: numbers on this chart name points.
          label: { show: false },
          lineStyle: { color: "#555555", type: "dashed" },
          data: [{ yAxis: 0 }],
        },
      },
    ],
  };
}
