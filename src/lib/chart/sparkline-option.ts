import { alignSeries } from "@/lib/chart/align-series";
import { seriesPalette, targetColour } from "@/lib/chart/palette";
import type { ChartOption } from "@/lib/echarts";
import type { SeriesPoint } from "@/lib/observations/series-point";

/** A small trend for an overview card: the headline series and, when there is one, the target. */
export function sparklineOption(
  points: readonly SeriesPoint[],
  target: number | null,
): ChartOption {
  const { periods, values } = alignSeries([points]);
  return {
    animation: false,
    grid: { left: 4, right: 4, top: 6, bottom: 6 },
    xAxis: { type: "category", data: periods, show: false, boundaryGap: false },
    yAxis: { type: "value", show: false, min: 0 },
    series: [
      {
        type: "line",
        data: values[0] ?? [],
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 2, color: seriesPalette[0] },
        ...(target === null
          ? {}
          : {
              markLine: {
                symbol: "none",
                silent: true,
                label: { show: false },
                data: [
                  { yAxis: target, lineStyle: { color: targetColour, type: "dashed", width: 1.5 } },
                ],
              },
            }),
      },
    ],
  };
}
