import type { ChartOption } from "../echarts";
import { escapeHtml } from "../format/escape-html";
import { classOf } from "./class-breaks";

/** Light to dark, readable against each other and with the departments' outlines. */
export const mapPalette = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
/** "No data" is not a colour of the scale: pale grey, hatched, never the colour of zero. */
export const noDataColour = "#f2f2f2";

export interface MapCell {
  /** ISO 3166-2:HN code: the boundary file keys departments by it. */
  code: string;
  value: number | null;
  /** What the tooltip says: department, value, period, source (plain text, escaped here). */
  tooltip: string;
}

/**
 * A choropleth of Honduras' departments: each department coloured by its class (see
 * `quantileBreaks`), a department without data hatched in grey, the selected one outlined.
 */
export function departmentMapOption(input: {
  mapName: string;
  cells: readonly MapCell[];
  breaks: readonly number[];
  selected: string | null;
  ariaLabel: string;
}): ChartOption {
  return {
    animation: false,
    aria: { enabled: true, label: { description: input.ariaLabel } },
    tooltip: {
      trigger: "item",
      // ECharts renders a formatter's string as HTML.
      formatter: (p: { data?: { tooltip?: string } }) =>
        escapeHtml(p.data?.tooltip ?? "").replaceAll("\n", "<br>"),
    },
    series: [
      {
        type: "map",
        map: input.mapName,
        nameProperty: "code",
        roam: false,
        // Fill the box; at 15° N a degree of longitude is cos 15° ≈ 0.97 of a degree of latitude.
        layoutCenter: ["50%", "50%"],
        layoutSize: "100%",
        aspectScale: 0.97,
        selectedMode: false,
        label: { show: false },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffbf47" } },
        itemStyle: { borderColor: "#5c6670", borderWidth: 0.6 },
        data: input.cells.map((cell) => ({
          name: cell.code,
          value: cell.value,
          tooltip: cell.tooltip,
          itemStyle: {
            areaColor:
              cell.value === null
                ? noDataColour
                : (mapPalette[classOf(cell.value, input.breaks)] ?? mapPalette[0]),
            ...(cell.value === null
              ? {
                  decal: {
                    symbol: "rect",
                    symbolSize: 1,
                    color: "#b0b7bf",
                    dashArrayX: [1, 0],
                    dashArrayY: [2, 5],
                    rotation: Math.PI / 4,
                  },
                }
              : {}),
            ...(cell.code === input.selected ? { borderColor: "#1a1f24", borderWidth: 2.5 } : {}),
          },
        })),
      },
    ],
  };
}
