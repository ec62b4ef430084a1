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

/** Funding against progress: one dot per funded commitment with data, disbursement on x, progress score on y. */
export function fundingChartOption(
  points: readonly FundingPoint[],
  labels: { x: string; y: string },
): ChartOption {
  return {
    animation: false,
    color: seriesPalette,
    grid: { left: 64, right: 24, top: 24, bottom: 56 },
    tooltip: {
      trigger: "item",
      formatter: (p: { data: [number, number, string] }) =>
        // ECharts renders a formatter's string as HTML.
        `${escapeHtml(p.data[2])}: ${p.data[0]} % · ${p.data[1]}`,
    },
    xAxis: { type: "value", name: labels.x, nameLocation: "middle", nameGap: 32, min: 0, max: 120 },
    yAxis: { type: "value", name: labels.y, nameLocation: "middle", nameGap: 40, min: -5, max: 5 },
    series: [
      {
        type: "scatter",
        symbolSize: 14,
        data: points.map((p) => [Math.round(p.disbursed), Number(p.score.toFixed(2)), p.name]),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: "#555555", type: "dashed" },
          data: [{ yAxis: 0 }],
        },
      },
    ],
  };
}
