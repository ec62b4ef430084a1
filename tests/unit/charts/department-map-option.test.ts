import { describe, expect, it } from "vitest";
import {
  departmentMapOption,
  mapPalette,
  noDataColour,
} from "../../../src/lib/chart/department-map-option";

type Item = { name: string; value: number | null; itemStyle: Record<string, unknown> };
const option = departmentMapOption({
  mapName: "hn",
  cells: [
    { code: "HN-CR", value: 100, tooltip: "Cortés\n100" },
    { code: "HN-AT", value: 0, tooltip: "Atlántida\n0" },
    { code: "HN-GD", value: null, tooltip: "Gracias a Dios <script>" },
  ],
  breaks: [0, 20, 40, 60, 80, 100],
  selected: "HN-CR",
  ariaLabel: "Mapa",
}) as {
  series: { data: Item[]; nameProperty: string }[];
  tooltip: { formatter: (p: unknown) => string };
};
const items = option.series[0]?.data ?? [];
const item = (code: string) => items.find((i) => i.name === code);

describe("the department map's option", () => {
  it("keys departments by their ISO code and colours each by its class", () => {
    expect(option.series[0]?.nameProperty).toBe("code");
    expect(item("HN-CR")?.itemStyle.areaColor).toBe(mapPalette[4]);
    expect(item("HN-AT")?.itemStyle.areaColor).toBe(mapPalette[0]);
  });

  it("draws no data apart from zero: grey and hatched, never the scale's lightest colour", () => {
    expect(item("HN-GD")?.itemStyle.areaColor).toBe(noDataColour);
    expect(item("HN-GD")?.itemStyle.decal).toBeDefined();
    expect(item("HN-AT")?.itemStyle.decal).toBeUndefined();
    expect(noDataColour).not.toBe(mapPalette[0]);
  });

  it("outlines the selected department and escapes what the tooltip shows", () => {
    expect(item("HN-CR")?.itemStyle.borderWidth).toBe(2.5);
    expect(item("HN-AT")?.itemStyle.borderWidth).toBeUndefined();
    expect(option.tooltip.formatter({ data: { tooltip: "Gracias a Dios <script>\nx" } })).toBe(
      "Gracias a Dios &lt;script&gt;<br>x",
    );
  });
});
