import { alignSeries } from "@/lib/chart/align-series";
import { baselineColour, seriesPalette, targetColour, thresholdColour } from "@/lib/chart/palette";
import type { ChartOption } from "@/lib/echarts";
import type { SeriesPoint } from "@/lib/observations/series-point";

export interface TrendChartInput {
  series: { name: string; points: readonly SeriesPoint[] }[];
  periodLabel: (period: string) => string;
  valueLabel: (value: number) => string;
  yAxisName: string;
  baseline: { period: string; label: string } | null;
  target: { value: number; label: string } | null;
  thresholds: { value: number; label: string }[];
  /** Upper limit of the value (100 for a percentage), so the axis never suggests more. */
  max?: number;
  /** The trend carried to the target year, drawn dashed. */
  projection?: readonly SeriesPoint[];
  projectionLabel?: string;
}

/** The indicator trend: series, baseline, target and thresholds. Pure, so it is tested without a browser. */
export function trendChartOption(input: TrendChartInput): ChartOption {
  const projection = input.projection ?? [];
  const { periods, values } = alignSeries([...input.series.map((s) => s.points), projection]);
  const projectionValues = values.pop() ?? [];
  const labels = periods.map(input.periodLabel);
  const horizontal = [
    ...(input.target
      ? [
          {
            value: input.target.value,
            label: input.target.label,
            colour: targetColour,
            type: "solid",
          },
        ]
      : []),
    ...input.thresholds.map((t) => ({
      value: t.value,
      label: t.label,
      colour: thresholdColour,
      type: "dashed",
    })),
  ];
  const baselineIndex = input.baseline ? periods.indexOf(input.baseline.period) : -1;
  const markLineData = [
    ...horizontal.map((line) => ({
      yAxis: line.value,
      name: line.label,
      label: { formatter: line.label, position: "insideEndTop", color: line.colour },
      lineStyle: { color: line.colour, type: line.type, width: 2 },
    })),
    ...(input.baseline && baselineIndex >= 0
      ? [
          {
            xAxis: labels[baselineIndex],
            name: input.baseline.label,
            label: { formatter: input.baseline.label, position: "end", color: baselineColour },
            lineStyle: { color: baselineColour, type: "dotted", width: 2 },
          },
        ]
      : []),
  ];
  const highest = Math.max(
    0,
    ...[...values, projectionValues].flat().filter((v): v is number => v !== null),
    ...horizontal.map((h) => h.value),
  );
  return {
    color: seriesPalette,
    animation: false,
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    legend: { show: input.series.length > 1 || projection.length > 0, top: 0, type: "scroll" },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? input.valueLabel(v) : "—"),
    },
    xAxis: { type: "category", data: labels, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: "value",
      name: input.yAxisName,
      nameLocation: "middle",
      nameGap: 48,
      min: 0,
      max: input.max !== undefined && highest * 1.1 >= input.max ? input.max : undefined,
      axisLabel: { formatter: (v: number) => input.valueLabel(v) },
    },
    series: [
      ...input.series.map((s, i) => ({
        type: "line",
        name: s.name,
        data: values[i],
        connectNulls: false,
        showSymbol: true,
        symbolSize: i === 0 ? 6 : 4,
        lineStyle: { width: i === 0 ? 3 : 2 },
        ...(i === 0 && markLineData.length > 0
          ? { markLine: { symbol: "none", silent: true, data: markLineData } }
          : {}),
      })),
      ...(projection.length > 0
        ? [
            {
              type: "line",
              name: input.projectionLabel ?? "",
              data: projectionValues,
              connectNulls: true,
              showSymbol: false,
              lineStyle: { width: 2, type: "dashed", color: "#555555" },
              itemStyle: { color: "#555555" },
            },
          ]
        : []),
    ],
  };
}
