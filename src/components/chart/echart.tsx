import { useEffect, useRef } from "react";
import { type ChartOption, echarts } from "@/lib/echarts";

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, read by screen readers in place of the drawing. */
  summary: string;
  height: number;
  className?: string;
}

/** One ECharts instance per element: init once, update on option change, resize with its box, dispose on unmount. */
export function EChart({ option, summary, height, className }: EChartProps) {
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

  return (
    <div
      ref={element}
      className={className}
      style={{ height }}
      role="img"
      aria-label={summary}
      data-chart="echarts"
    />
  );
}
