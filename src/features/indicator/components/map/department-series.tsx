import { useTranslation } from "react-i18next";
import { EChart } from "@/components/chart/echart";
import type { Indicator } from "@/lib/catalog/schema";
import { trendChartOption } from "@/lib/chart/trend-chart-option";
import { formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { DepartmentPoint } from "@/lib/observations/department-values";

/** The series of the department chosen on the map or in its table. */
export function DepartmentSeries({
  indicator,
  name,
  points,
  format,
}: {
  indicator: Indicator;
  name: string;
  points: readonly DepartmentPoint[];
  format: (v: number | null) => string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const series = [...points].sort((a, b) => a.time - b.time);
  return (
    <section aria-live="polite" data-map-selected={points[0]?.code ?? ""}>
      <h3>{t("map.seriesOf", { name })}</h3>
      <EChart
        option={trendChartOption({
          series: [{ name, points: series }],
          periodLabel: (p) => formatPeriod(p, language),
          valueLabel: (v) => format(v),
          yAxisName: t(`units.${indicator.unit}`),
          baseline: null,
          target: null,
          thresholds: [],
        })}
        summary={t("map.seriesSummary", { name, count: series.length })}
        height={240}
      />
    </section>
  );
}
