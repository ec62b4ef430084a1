import { describe, expect, it } from "vitest";
import {
  type FundingPoint,
  fundingChartOption,
  labelOffsets,
} from "../../../src/features/donors/components/funding-chart-option";

interface Item {
  name: string;
  value: [number, number];
  label: { formatter: string; offset: [number, number] };
}
interface Option {
  series: {
    label: { show: boolean };
    itemStyle: { color: string; borderWidth: number };
    data: Item[];
  }[];
  tooltip: {
    formatter: (p: { dataIndex: number; name: string; value: [number, number] }) => string;
  };
}

const option = (points: FundingPoint[]) =>
  fundingChartOption(points, { x: "Desembolsado", y: "Avance" }) as unknown as Option;

const apart: FundingPoint[] = [
  { name: "Retorno digno", disbursed: 80, score: 2 },
  { name: "Niñez", disbursed: 30, score: -1 },
  { name: "Desaparecidos", disbursed: 60, score: 4 },
];

describe("fundingChartOption", () => {
  it("writes every point's number on the chart, in the order the points were given", () => {
    const series = option(apart).series[0];
    expect(series?.label.show).toBe(true);
    expect(series?.data.map((d) => d.label.formatter)).toEqual(["1", "2", "3"]);
    expect(series?.data.map((d) => d.name)).toEqual(["Retorno digno", "Niñez", "Desaparecidos"]);
    expect(series?.data.map((d) => d.value)).toEqual([
      [80, 2],
      [30, -1],
      [60, 4],
    ]);
  });

  it("leaves labels of points far apart where they are", () => {
    expect(labelOffsets(apart)).toEqual([0, 0, 0]);
  });

  it("stacks the labels of points on the same spot one line apart, highest score on top", () => {
    // Two commitments both 50 % disbursed with score 1, a third just below (0.5) and near:
    // one group of three, ordered by score (1, 1, 0.5), centred: −16, 0, +16 px.
    const same: FundingPoint[] = [
      { name: "A", disbursed: 50, score: 1 },
      { name: "B", disbursed: 50, score: 1 },
      { name: "C", disbursed: 54, score: 0.5 },
      { name: "D", disbursed: 10, score: -4 },
    ];
    expect(labelOffsets(same)).toEqual([-16, 0, 16, 0]);
    const offsets = option(same).series[0]?.data.map((d) => d.label.offset[1]) ?? [];
    expect(new Set(offsets.slice(0, 3)).size).toBe(3);
  });

  it("joins points into one group through a chain of neighbours", () => {
    // 0→1 and 1→2 are each 7 points apart on x (within 8), 0→2 is 14: still one group.
    const chain: FundingPoint[] = [
      { name: "A", disbursed: 40, score: 0 },
      { name: "B", disbursed: 47, score: 0 },
      { name: "C", disbursed: 54, score: 0 },
    ];
    expect(labelOffsets(chain)).toEqual([-16, 0, 16]);
  });

  it("draws see-through symbols with an outline, so a covered point still shows", () => {
    const series = option(apart).series[0];
    const alpha = Number(series?.itemStyle.color.match(/rgba\(.*,\s*([\d.]+)\)/)?.[1]);
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
    expect(series?.itemStyle.borderWidth).toBeGreaterThan(0);
  });

  it("escapes the name in the tooltip, which ECharts renders as HTML", () => {
    const html = option(apart).tooltip.formatter({
      dataIndex: 1,
      name: `<img src=x onerror="alert(1)">`,
      value: [30, -1],
    });
    expect(html).toBe("2. &lt;img src=x onerror=&quot;alert(1)&quot;&gt;: 30 % · -1");
  });
});
