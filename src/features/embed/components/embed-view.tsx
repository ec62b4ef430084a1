import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { EChart } from "@/components/chart/echart";
import { DataTable } from "@/components/data-table";
import { SourceLine } from "@/components/source-line";
import { StaleFlag } from "@/components/stale-flag";
import { StatusBadge } from "@/components/status-badge";
import type { Indicator } from "@/lib/catalog/schema";
import { useHeadlineName, useTrendChart, useValueFormat } from "@/lib/chart/indicator-trend";
import { formatPeriod } from "@/lib/format/format-value";
import type { Language } from "@/lib/i18n/resources";
import { useLanguage } from "@/lib/i18n/use-language";
import { indicatorStatus } from "@/lib/progress/indicator-status";
import { useMethod } from "@/lib/progress/use-method";
import { demoOn } from "@/lib/published/demo-mode";
import { useEngineStatus } from "@/lib/query/engine-status";
import { useSeries } from "@/lib/query/series";

/**
 * What a host page shows of one indicator: title, status and its method, latest period, the trend
 * chart with its table, the source, and a link to the full page. The same figures, drawn by the
 * same code, as the indicator page.
 */
export function EmbedView({ indicator, language }: { indicator: Indicator; language: Language }) {
  const { t } = useTranslation();
  const { local } = useLanguage();
  const location = useLocation();
  const engine = useEngineStatus();
  const headline = useSeries(indicator.id, indicator.headline);
  const format = useValueFormat(indicator);
  const headlineName = useHeadlineName(indicator);
  const points = useMemo(() => headline.data ?? [], [headline.data]);
  const series = useMemo(() => [{ name: headlineName, points }], [headlineName, points]);
  const [method] = useMethod();
  const status = useMemo(
    () => indicatorStatus(indicator, points, method, new Date()),
    [indicator, points, method],
  );
  const { option, summary } = useTrendChart(indicator, series, status, format);
  const title = local(indicator.title);
  // The demo and the method the reader chose travel to the full page.
  const fullPage = `/${language}/indicators/${encodeURIComponent(indicator.id)}${location.search}`;

  return (
    <main className="embed" data-engine={engine.phase} data-embed={indicator.id}>
      {demoOn && (
        <p className="embed__illustrative" data-embed-illustrative>
          {t("embed.illustrative")}
        </p>
      )}
      <h1 className="embed__title">{title}</h1>
      <div className="indicator-status">
        <StatusBadge status={status.result.status} />
        <span className="embed__method">
          {t("progress.methodUsed")}: {t(`progress.methods.${method}`)}
        </span>
      </div>
      {status.latest && (
        <p className="embed__latest" data-latest-period={status.latest.period}>
          {t("embed.latest", {
            value: format(status.latest.value),
            period: formatPeriod(status.latest.period, language),
          })}{" "}
          <StaleFlag period={status.latest.period} periodicity={indicator.periodicity} />
        </p>
      )}
      {engine.phase === "failed" ? (
        <p role="alert">
          {t(engine.stage === "engine" ? "engine.failed" : "engine.dataFailed", {
            message: engine.message,
          })}
        </p>
      ) : headline.isError ? (
        <p role="alert">{t("engine.dataFailed", { message: headline.error.message })}</p>
      ) : headline.isPending ? (
        <p aria-busy="true">{t("engine.loading")}</p>
      ) : points.length === 0 ? (
        <p className="no-data">{t("indicator.noData")}</p>
      ) : (
        <>
          <EChart
            option={option}
            summary={summary}
            height={260}
            className="trend-chart"
            drawn="headline"
          />
          <DataTable caption={title} series={series} format={format} />
        </>
      )}
      <SourceLine indicatorId={indicator.id} points={points} full />
      <p className="embed__more">
        {/* A new tab: the full page refuses to be framed, and the host's page stays open. */}
        <a href={fullPage} target="_blank" rel="noopener">
          {t("embed.fullPage")}
          <span className="visually-hidden"> {t("embed.newTab")}</span>
        </a>
      </p>
    </main>
  );
}
