import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { download } from "@/lib/download";
import type { ChartOption } from "@/lib/echarts";
import type { SpreadsheetCell } from "@/lib/format/spreadsheet-csv";
import { useLanguage } from "@/lib/i18n/use-language";
import { svgToPng } from "./svg-to-png";

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, read by screen readers in place of the drawing and announced when it changes. */
  summary: string;
  /** Pixels, or a CSS length (a map's height follows the screen's width). */
  height: number | string;
  className?: string;
  /**
   * Names what the current option shows; written to `data-drawn` once ECharts has it, so tests
   * and the benchmark can tell when a change has reached the drawing.
   */
  drawn?: string;
  /** Offer the chart as PNG and its data as CSV (first row: header; numbers as numbers). */
  download?: { name: string; rows: SpreadsheetCell[][] };
  /** Called with the name of the item clicked (a map's department code, a series' point). */
  onItemClick?: (name: string) => void;
}

function markDrawn(element: HTMLDivElement | null, drawn: string | undefined) {
  if (element && drawn !== undefined) element.dataset.drawn = drawn;
}

type ChartInstance = ReturnType<typeof import("@/lib/echarts")["echarts"]["init"]>;

/**
 * One ECharts instance per element: init once, update on option change, resize with its box,
 * dispose on unmount. ECharts itself is a separate chunk, fetched the first time a chart mounts,
 * so the first screen's text does not wait for it.
 */
export function EChart({
  option,
  summary,
  height,
  className,
  drawn,
  download: downloadable,
  onItemClick,
}: EChartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const latestOption = useRef(option);
  latestOption.current = option;
  const latestDrawn = useRef(drawn);
  latestDrawn.current = drawn;
  const latestClick = useRef(onItemClick);
  latestClick.current = onItemClick;

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import("@/lib/echarts").then(({ echarts }) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current, undefined, { renderer: "svg" });
      chart.current = instance;
      instance.setOption(latestOption.current, { notMerge: true });
      instance.on("click", (params) => {
        if (typeof params.name === "string") latestClick.current?.(params.name);
      });
      markDrawn(element.current, latestDrawn.current);
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
      cleanup = () => {
        observer.disconnect();
        instance.dispose();
        chart.current = null;
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.setOption(option, { notMerge: true });
    markDrawn(element.current, latestDrawn.current);
  }, [option]);

  const savePng = async () => {
    const svg = chart.current?.renderToSVGString();
    if (!svg || !downloadable) return;
    download(`${downloadable.name}.png`, await svgToPng(svg), "image/png");
  };
  const saveSvg = () => {
    const svg = chart.current?.renderToSVGString();
    if (!svg || !downloadable) return;
    download(`${downloadable.name}.svg`, svg, "image/svg+xml");
  };
  const saveCsv = async () => {
    if (!downloadable) return;
    // Loaded with the click, as the CSV writer (papaparse) is not needed to draw a chart.
    const { spreadsheetCsv, spreadsheetCsvType, spreadsheetFileName } = await import(
      "@/lib/format/spreadsheet-csv"
    );
    const [fields = [], ...data] = downloadable.rows;
    download(
      spreadsheetFileName(downloadable.name),
      spreadsheetCsv(
        language,
        fields.map((label) => ({ label: String(label ?? "") })),
        data,
      ),
      spreadsheetCsvType,
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
          <button type="button" onClick={saveSvg}>
            {t("charts.svg")}
          </button>{" "}
          <button type="button" onClick={() => void saveCsv()}>
            {t("charts.csv")}
          </button>
        </p>
      )}
    </figure>
  );
}
