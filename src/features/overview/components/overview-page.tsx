import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CoverageSummary } from "@/components/coverage-summary";
import { IndicatorCard } from "@/components/indicator-card";
import { MethodSwitcher } from "@/components/method-switcher";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { commitmentsOfTheme, indicatorsOfCommitments } from "@/lib/catalog/catalog-queries";
import { formatDate, formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { latestOf } from "@/lib/observations/series-point";
import { useStatuses } from "@/lib/query/statuses";
import { HeadlineFigures } from "./headline-figures";
import { OffTrack } from "./off-track";
import { StatusMatrix } from "./status-matrix";

export function OverviewPage() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const { statuses, headlines } = useStatuses(catalog.indicators, { persist: true });
  const sections = catalog.themes.map((theme) => ({
    theme,
    indicators: indicatorsOfCommitments(catalog, commitmentsOfTheme(catalog, theme.id)),
  }));
  const latestPeriod = latestOf(
    [...(headlines.data?.values() ?? [])].flatMap((points) =>
      points.filter((p) => p.value !== null),
    ),
  );

  return (
    <div className="page">
      <h1>{t("overview.heading")}</h1>
      <p className="lead">{t("overview.intro")}</p>
      <div className="overview-controls">
        <MethodSwitcher />
        <Link to={`/${language}/brief`}>{t("brief.print")}</Link>
        {latestPeriod && (
          <p className="muted" data-freshness={latestPeriod.period}>
            {t("progress.freshness", {
              period: formatPeriod(latestPeriod.period, language),
              date: formatDate(new Date(), language, "long"),
            })}
          </p>
        )}
      </div>
      {headlines.snapshot && (
        <p className="notice" data-snapshot={headlines.snapshot.source} role="status">
          {t(
            headlines.snapshot.source === "local"
              ? "overview.snapshotLocal"
              : "overview.snapshotPublished",
            { date: formatDate(new Date(headlines.snapshot.computedAt), language, "medium-time") },
          )}
        </p>
      )}
      {headlines.isError && (
        <p role="alert">{t("engine.dataFailed", { message: headlines.error.message })}</p>
      )}
      {!statuses || !headlines.data ? (
        <p aria-busy="true">{t("engine.loading")}</p>
      ) : (
        <>
          <CoverageSummary indicators={catalog.indicators} series={headlines.data} />
          <HeadlineFigures series={headlines.data} />
          <StatusMatrix statuses={statuses} />
          <OffTrack statuses={statuses} />
          {sections.map(({ theme, indicators }) => {
            const withData = indicators.filter((i) => statuses.get(i.id)?.hasData);
            const waiting = indicators.length - withData.length;
            return (
              <section key={theme.id} className="theme" aria-labelledby={`theme-${theme.id}`}>
                <h2 id={`theme-${theme.id}`}>
                  <Link to={`/${language}/themes/${theme.id}`}>{local(theme.title)}</Link>{" "}
                  <span className="theme__count">
                    {t("overview.indicatorsInTheme", { count: indicators.length })}
                  </span>
                </h2>
                {withData.length > 0 && (
                  <div className="cards">
                    {withData.map((indicator) => {
                      const status = statuses.get(indicator.id);
                      return status ? (
                        <IndicatorCard
                          key={indicator.id}
                          indicator={indicator}
                          series={headlines.data.get(indicator.id) ?? []}
                          status={status}
                        />
                      ) : null;
                    })}
                  </div>
                )}
                {waiting > 0 && (
                  <p className="theme__waiting">
                    <Link to={`/${language}/themes/${theme.id}`}>
                      {t("overview.noDataYet", { count: waiting })}
                    </Link>
                  </p>
                )}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
