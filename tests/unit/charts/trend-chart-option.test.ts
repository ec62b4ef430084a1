import { describe, expect, it } from "vitest";
import { alignSeries } from "../../../src/lib/chart/align-series";
import { sparklineOption } from "../../../src/lib/chart/sparkline-option";
import { trendChartOption } from "../../../src/lib/chart/trend-chart-option";

const usa = [
  { period: "2017-Q1", time: 2017, value: 4.2 },
  { period: "2017-Q2", time: 2017.25, value: null },
  { period: "2017-Q3", time: 2017.5, value: 3.9 },
];
const spain = [
  { period: "2016-Q4", time: 2016.75, value: 6.1 },
  { period: "2017-Q3", time: 2017.5, value: 5.2 },
];

interface SeriesOut {
  name: string;
  data: (number | null)[];
  markLine?: { data: { yAxis?: number; xAxis?: string; name: string }[] };
}

describe("alignSeries", () => {
  it("puts every series on one time-ordered axis with gaps as null", () => {
    expect(alignSeries([usa, spain])).toEqual({
      periods: ["2016-Q4", "2017-Q1", "2017-Q2", "2017-Q3"],
      values: [
        [null, 4.2, null, 3.9],
        [6.1, null, null, 5.2],
      ],
    });
  });
});

describe("trendChartOption", () => {
  const option = trendChartOption({
    series: [
      { name: "USA", points: usa },
      { name: "ESP", points: spain },
    ],
    periodLabel: (p) => `P${p}`,
    valueLabel: (v) => `${v}%`,
    yAxisName: "%",
    baseline: { period: "2017-Q1", label: "Baseline" },
    target: { value: 3, label: "Target 2030" },
    thresholds: [{ value: 5, label: "Corridor ceiling" }],
    max: 100,
  }) as { series: SeriesOut[]; xAxis: { data: string[] }; yAxis: { max?: number } };

  it("draws each series on the shared axis, leaving gaps unconnected", () => {
    expect(option.xAxis.data).toEqual(["P2016-Q4", "P2017-Q1", "P2017-Q2", "P2017-Q3"]);
    expect(option.series.map((s) => s.name)).toEqual(["USA", "ESP"]);
    expect(option.series[0]?.data).toEqual([null, 4.2, null, 3.9]);
  });

  it("marks the target, the threshold and the baseline on the headline series only", () => {
    const marks = option.series[0]?.markLine?.data ?? [];
    expect(marks.map((m) => [m.name, m.yAxis ?? m.xAxis])).toEqual([
      ["Target 2030", 3],
      ["Corridor ceiling", 5],
      ["Baseline", "P2017-Q1"],
    ]);
    expect(option.series[1]?.markLine).toBeUndefined();
  });

  it("does not stretch a percentage axis to 100 when values are small", () => {
    expect(option.yAxis.max).toBeUndefined();
  });

  it("leaves out the baseline line when the baseline period has no data", () => {
    const without = trendChartOption({
      series: [{ name: "USA", points: usa }],
      periodLabel: String,
      valueLabel: String,
      yAxisName: "%",
      baseline: { period: "2010-Q1", label: "Baseline" },
      target: null,
      thresholds: [],
    }) as { series: SeriesOut[] };
    expect(without.series[0]?.markLine).toBeUndefined();
  });
});

describe("sparklineOption", () => {
  it("draws the target line only when there is a target", () => {
    const withTarget = sparklineOption(usa, 3) as { series: SeriesOut[] };
    const withoutTarget = sparklineOption(usa, null) as { series: SeriesOut[] };
    expect(withTarget.series[0]?.markLine?.data).toHaveLength(1);
    expect(withoutTarget.series[0]?.markLine).toBeUndefined();
    expect(withoutTarget.series[0]?.data).toEqual([4.2, null, 3.9]);
  });
});
