import { useTranslation } from "react-i18next";
import { catalog, indicatorsOfTheme } from "@/lib/catalog/bundled-catalog";
import { useLanguage } from "@/lib/i18n/use-language";
import { useHeadlines } from "../api/get-headlines";
import { IndicatorCard } from "./indicator-card";

export function OverviewPage() {
  const { t } = useTranslation();
  const { local } = useLanguage();
  const headlines = useHeadlines(catalog.indicators);
  const sections = catalog.themes.map((theme) => ({ theme, indicators: indicatorsOfTheme(theme) }));

  return (
    <div className="page">
      <h1>{t("overview.heading")}</h1>
      <p className="lead">{t("overview.intro")}</p>
      <p className="notice notice--illustrative">{t("labels.illustrativeNote")}</p>
      {headlines.isError && (
        <p role="alert">{t("engine.dataFailed", { message: headlines.error.message })}</p>
      )}
      {sections
        .filter((s) => s.indicators.length > 0)
        .map(({ theme, indicators }) => (
          <section key={theme.id} className="theme" aria-labelledby={`theme-${theme.id}`}>
            <h2 id={`theme-${theme.id}`}>
              {local(theme.title)}{" "}
              <span className="theme__count">
                {t("overview.indicatorsInTheme", { count: indicators.length })}
              </span>
            </h2>
            <div className="cards">
              {indicators.map((indicator) =>
                headlines.data ? (
                  <IndicatorCard
                    key={indicator.id}
                    indicator={indicator}
                    series={headlines.data.get(indicator.id) ?? []}
                  />
                ) : (
                  <div key={indicator.id} className="card card--loading" aria-busy="true">
                    <h3 className="card__title">{local(indicator.title)}</h3>
                    <p>{t("engine.loading")}</p>
                  </div>
                ),
              )}
            </div>
          </section>
        ))}
      <section className="theme theme--empty">
        <h2>{t("overview.noIndicatorsHeading")}</h2>
        <p>
          {sections
            .filter((s) => s.indicators.length === 0)
            .map((s) => local(s.theme.title))
            .join(" · ")}
        </p>
      </section>
    </div>
  );
}
