import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { EChart } from "@/components/chart/echart";
import { MethodSwitcher } from "@/components/method-switcher";
import { SourceLine } from "@/components/source-line";
import { StaleFlag } from "@/components/stale-flag";
import { StatusBadge } from "@/components/status-badge";
import { WhyPanel } from "@/components/why-panel";
import { codeLabel, findIndicator } from "@/lib/catalog/bundled-catalog";
import { type DimensionName, dimensionName, type Indicator } from "@/lib/catalog/schema";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { bundledSources } from "@/lib/observations/bundled-sources";
import { describeProvenance } from "@/lib/observations/describe-provenance";
import { pointProvenance } from "@/lib/observations/provenance";
import { indicatorStatus } from "@/lib/progress/indicator-status";
import { useMethod } from "@/lib/progress/use-method";
import { useAcceptedFiles } from "@/lib/query/accepted-files";
import { useBreakdown } from "../api/get-breakdown";
import { useSeries } from "../api/get-series";
import { BreakdownPicker } from "./breakdown-picker";
import { DataTable } from "./data-table";
import { IndicatorFacts } from "./indicator-facts";
import { LeftBehind } from "./left-behind";
import { NoDataYet } from "./no-data-yet";
import { projectionPoints } from "./projection";
import { trendChartOption } from "./trend-chart-option";

const maxDrawnGroups = 6;

export function IndicatorPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const indicator = findIndicator(id);
  if (!indicator) {
    return (
      <div className="page">
        <p role="alert">{t("indicator.notFound", { id })}</p>
        <Link to={`/${language}`}>{t("app.backToOverview")}</Link>
      </div>
    );
  }
  return <IndicatorView indicator={indicator} />;
}

function IndicatorView({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const [search, setSearch] = useSearchParams();
  const requested = dimensionName.safeParse(search.get("breakdown"));
  const dimension: DimensionName | null =
    requested.success && indicator.disaggregations[requested.data] ? requested.data : null;
  const headline = useSeries(indicator.id, indicator.headline);
  const accepted = useAcceptedFiles();
  const breakdown = useBreakdown(indicator.id, dimension);
  const format = useCallback(
    (v: number | null) => formatValue(v, indicator.unit, language, t("indicator.missing")),
    [indicator.unit, language, t],
  );

  const headlineName =
    Object.entries(indicator.headline)
      .map(([dim, code]) =>
        local(codeLabel(dim as DimensionName, code ?? "") ?? { es: code ?? "", en: code ?? "" }),
      )
      .join(" · ") || t("indicator.total");
  const series = useMemo(() => {
    const main = [{ name: headlineName, points: headline.data ?? [] }];
    if (!dimension || !breakdown.data) return main;
    // Beyond six groups a chart stops being readable: the first six are drawn, all are in the tables.
    const others = [...breakdown.data.entries()]
      .filter(([code]) => indicator.headline[dimension] !== code)
      .slice(0, maxDrawnGroups)
      .map(([code, points]) => ({
        name: local(codeLabel(dimension, code) ?? { es: code, en: code }),
        points,
      }));
    return [...main, ...others];
  }, [headline.data, breakdown.data, dimension, headlineName, indicator, local]);

  const points = headline.data ?? [];
  const [method] = useMethod();
  const status = useMemo(
    () => indicatorStatus(indicator, points, method, new Date()),
    [indicator, points, method],
  );
  const option = useMemo(
    () =>
      trendChartOption({
        series,
        periodLabel: (p) => formatPeriod(p, language),
        valueLabel: (v) => format(v),
        yAxisName: t(`units.${indicator.unit}`),
        baseline: indicator.baseline
          ? {
              period: indicator.baseline.period,
              label: `${t("indicator.baseline")} ${formatPeriod(indicator.baseline.period, language)}`,
            }
          : null,
        target: indicator.target
          ? {
              value: indicator.target.value,
              label: `${t("indicator.target")} ${indicator.target.year}: ${format(indicator.target.value)}`,
            }
          : null,
        thresholds: indicator.thresholds.map((th) => ({ value: th.value, label: local(th.label) })),
        projection: projectionPoints(indicator, status.all.statcan),
        projectionLabel: indicator.target
          ? t("progress.projection", { year: indicator.target.year })
          : "",
        ...(indicator.limits.max === undefined ? {} : { max: indicator.limits.max }),
      }),
    [series, indicator, language, t, format, local, status],
  );
  const summary =
    points.length > 0
      ? `${t("indicator.chartSummary", {
          title: local(indicator.title),
          count: points.length,
          first: formatPeriod(points[0]?.period ?? "", language),
          last: formatPeriod(points.at(-1)?.period ?? "", language),
          latest: format(status.latest?.value ?? null),
          lastPeriod: formatPeriod(status.latest?.period ?? "", language),
        })}${indicator.target ? ` ${t("indicator.chartTargetSummary", { target: format(indicator.target.value), year: indicator.target.year })}` : ""}`
      : t("indicator.noData");

  return (
    <div className="page">
      <p>
        <Link to={`/${language}`}>{t("indicator.backToOverview")}</Link>
      </p>
      <h1>{local(indicator.title)}</h1>
      <div className="indicator-status">
        <StatusBadge status={status.result.status} />
        {status.latest && (
          <StaleFlag period={status.latest.period} periodicity={indicator.periodicity} />
        )}
        <MethodSwitcher />
      </div>
      <SourceLine indicatorId={indicator.id} points={points} full />
      {status.hasData && <WhyPanel indicator={indicator} status={status} />}
      <section aria-labelledby="trend-heading" className="panel">
        <h2 id="trend-heading">{t("indicator.trend")}</h2>
        <BreakdownPicker
          indicator={indicator}
          value={dimension}
          onChange={(next) => {
            const params = new URLSearchParams(search);
            if (next) params.set("breakdown", next);
            else params.delete("breakdown");
            setSearch(params, { replace: true });
          }}
        />
        {headline.isError && (
          <p role="alert">{t("engine.dataFailed", { message: headline.error.message })}</p>
        )}
        {headline.isPending ? (
          <p aria-busy="true">{t("engine.loading")}</p>
        ) : points.length === 0 ? (
          <NoDataYet indicator={indicator} />
        ) : (
          <EChart
            option={option}
            summary={summary}
            height={380}
            className="trend-chart"
            drawn={dimension === null ? "headline" : breakdown.data ? dimension : "pending"}
            download={{
              name: indicator.id,
              rows: [
                [
                  t("indicator.series"),
                  t("indicator.period"),
                  t("indicator.value"),
                  t("indicator.status"),
                  t("source.label"),
                ],
                ...series.flatMap((s) =>
                  s.points.map((p) => [
                    s.name,
                    p.period,
                    p.value === null ? "" : String(p.value),
                    p.obs_status === "censored" ? (p.note ?? "") : (p.obs_status ?? ""),
                    describeProvenance(
                      pointProvenance(p, bundledSources, accepted(indicator.id, p.period)),
                      t,
                      language,
                    ),
                  ]),
                ),
              ],
            }}
          />
        )}
      </section>
      {dimension && breakdown.data && points.length > 0 && (
        <LeftBehind
          indicator={indicator}
          dimension={dimension}
          total={points}
          groups={breakdown.data}
          format={format}
        />
      )}
      {points.length > 0 && (
        <section aria-labelledby="table-heading" className="panel">
          <h2 id="table-heading">{t("indicator.table")}</h2>
          <DataTable caption={local(indicator.title)} series={series} format={format} />
        </section>
      )}
      <IndicatorFacts indicator={indicator} format={format} />
    </div>
  );
}
