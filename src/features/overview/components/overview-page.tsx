import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IndicatorCard } from "@/components/indicator-card";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { commitmentsOfTheme, indicatorsOfCommitments } from "@/lib/catalog/catalog-queries";
import { useLanguage } from "@/lib/i18n/use-language";
import { useHeadlines } from "@/lib/query/headlines";

export function OverviewPage() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const headlines = useHeadlines(catalog.indicators);
  const sections = catalog.themes.map((theme) => ({
    theme,
    indicators: indicatorsOfCommitments(catalog, commitmentsOfTheme(catalog, theme.id)),
  }));
  const hasData = (id: string) => (headlines.data?.get(id)?.length ?? 0) > 0;

  return (
    <div className="page">
      <h1>{t("overview.heading")}</h1>
      <p className="lead">{t("overview.intro")}</p>
      <p className="notice notice--illustrative">{t("labels.illustrativeNote")}</p>
      {headlines.isError && (
        <p role="alert">{t("engine.dataFailed", { message: headlines.error.message })}</p>
      )}
      {sections.map(({ theme, indicators }) => {
        const withData = indicators.filter((i) => hasData(i.id));
        const waiting = indicators.length - withData.length;
        return (
          <section key={theme.id} className="theme" aria-labelledby={`theme-${theme.id}`}>
            <h2 id={`theme-${theme.id}`}>
              <Link to={`/${language}/themes/${theme.id}`}>{local(theme.title)}</Link>{" "}
              <span className="theme__count">
                {t("overview.indicatorsInTheme", { count: indicators.length })}
              </span>
            </h2>
            {headlines.data ? (
              <>
                {withData.length > 0 && (
                  <div className="cards">
                    {withData.map((indicator) => (
                      <IndicatorCard
                        key={indicator.id}
                        indicator={indicator}
                        series={headlines.data.get(indicator.id) ?? []}
                      />
                    ))}
                  </div>
                )}
                {waiting > 0 && (
                  <p className="theme__waiting">
                    <Link to={`/${language}/themes/${theme.id}`}>
                      {t("overview.noDataYet", { count: waiting })}
                    </Link>
                  </p>
                )}
              </>
            ) : (
              <p aria-busy="true">{t("engine.loading")}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
