import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EChart } from "@/components/chart/echart";
import { DataTable } from "@/components/data-table";
import { MethodSwitcher } from "@/components/method-switcher";
import { SourceLine } from "@/components/source-line";
import { StaleFlag } from "@/components/stale-flag";
import { StatusBadge } from "@/components/status-badge";
import { WhyPanel } from "@/components/why-panel";
import { codeLabel, findIndicator } from "@/lib/catalog/bundled-catalog";
import { type DimensionName, dimensionName, type Indicator } from "@/lib/catalog/schema";
import { useHeadlineName, useTrendChart, useValueFormat } from "@/lib/chart/indicator-trend";
import { useLanguage } from "@/lib/i18n/use-language";
import { bundledSources } from "@/lib/observations/bundled-sources";
import { describeProvenance } from "@/lib/observations/describe-provenance";
import { pointProvenance } from "@/lib/observations/provenance";
import { indicatorStatus } from "@/lib/progress/indicator-status";
import { useMethod } from "@/lib/progress/use-method";
import { useAcceptedFiles } from "@/lib/query/accepted-files";
import { useSeries } from "@/lib/query/series";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { useBreakdown } from "../api/get-breakdown";
import { BreakdownPicker } from "./breakdown-picker";
import { EmbedCode } from "./embed-code";
import { IndicatorFacts } from "./indicator-facts";
import { IndicatorRules } from "./indicator-rules";
import { LeftBehind } from "./left-behind";
import { NoDataYet } from "./no-data-yet";

// The map, its chart type and the boundaries load only on the pages of indicators that have a
// department breakdown.
const DepartmentMap = lazy(() =>
  import("./map/department-map").then((m) => ({ default: m.DepartmentMap })),
);

const maxDrawnGroups = 6;

const indicatorState = { breakdown: dimensionName.nullable().catch(null) };

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
  const [{ breakdown: requested }, setState] = useUrlState(indicatorState);
  const dimension: DimensionName | null =
    requested && indicator.disaggregations[requested] ? requested : null;
  const headline = useSeries(indicator.id, indicator.headline);
  const accepted = useAcceptedFiles();
  const breakdown = useBreakdown(indicator.id, dimension);
  const format = useValueFormat(indicator);
  const headlineName = useHeadlineName(indicator);
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
  const { option, summary } = useTrendChart(indicator, series, status, format);

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
          onChange={(next) => setState({ breakdown: next })}
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
                    p.value,
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
      {indicator.disaggregations.department && (
        <Suspense fallback={<p aria-busy="true">{t("engine.loading")}</p>}>
          <DepartmentMap indicator={indicator} />
        </Suspense>
      )}
      <IndicatorFacts indicator={indicator} format={format} />
      <IndicatorRules indicator={indicator} />
      <EmbedCode indicator={indicator} />
    </div>
  );
}
