import Papa from "papaparse";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { download } from "@/lib/download";
import { type ChartOption, echarts } from "@/lib/echarts";
import { neutraliseCell } from "@/lib/format/neutralise-cell";
import { svgToPng } from "./svg-to-png";

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, read by screen readers in place of the drawing and announced when it changes. */
  summary: string;
  height: number;
  className?: string;
  /** Offer the chart as PNG and its data as CSV (first row: header). */
  download?: { name: string; rows: string[][] };
}

/** One ECharts instance per element: init once, update on option change, resize with its box, dispose on unmount. */
export function EChart({
  option,
  summary,
  height,
  className,
  download: downloadable,
}: EChartProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const savePng = async () => {
    const svg = chart.current?.renderToSVGString();
    if (!svg || !downloadable) return;
    download(`${downloadable.name}.png`, await svgToPng(svg), "image/png");
  };
  const saveCsv = () => {
    if (!downloadable) return;
    const [fields = [], ...data] = downloadable.rows;
    download(
      `${downloadable.name}.csv`,
      `${Papa.unparse({ fields, data: data.map((r) => r.map(neutraliseCell)) })}\n`,
      "text/csv;charset=utf-8",
    );
  };

  return (
    <figure className="chart">
      <div
        ref={element}
        className={className}
        style={{ height }}
        role="img"
        aria-label={summary}
        data-chart="echarts"
      />
      <figcaption className="visually-hidden" aria-live="polite">
        {summary}
      </figcaption>
      {downloadable && (
        <p className="chart__downloads no-print">
          <button type="button" onClick={() => void savePng()}>
            {t("charts.png")}
          </button>{" "}
          <button type="button" onClick={saveCsv}>
            {t("charts.csv")}
          </button>
        </p>
      )}
    </figure>
  );
}
