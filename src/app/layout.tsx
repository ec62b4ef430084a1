import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, NavLink, Outlet, useLocation, useParams } from "react-router";
import { EngineStatusBar } from "@/components/engine-status-bar";
import { ReleaseLine } from "@/components/release-line";
import { isLanguage, type Language, languages } from "@/lib/i18n/resources";
import { DemoBanner, DemoSwitch, useDemoInUrl } from "./demo-mode-ui";
import { saveLanguage } from "./language-store";

function swapLanguage(pathname: string, language: Language): string {
  return pathname.replace(/^\/[^/]+/, `/${language}`);
}

export function Layout() {
  const { lang } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  useDemoInUrl();

  useEffect(() => {
    if (isLanguage(lang)) {
      void i18n.changeLanguage(lang);
      saveLanguage(lang);
      document.documentElement.lang = lang;
    }
  }, [lang, i18n]);

  if (!isLanguage(lang)) return <Navigate to={`/es${location.pathname}`} replace />;
  if (i18n.language !== lang) return null;

  return (
    <>
      <a className="skip-link" href="#content">
        {t("app.skipToContent")}
      </a>
      <header className="masthead">
        <div className="masthead__brand">
          <Link to={`/${lang}`} className="masthead__title">
            {t("app.title")}
          </Link>
          <span className="masthead__subtitle">{t("app.subtitle")}</span>
        </div>
        <nav aria-label={t("app.nav.main")} className="masthead__nav">
          <NavLink to={`/${lang}`} end>
            {t("app.nav.overview")}
          </NavLink>
          <NavLink to={`/${lang}/catalog`}>{t("app.nav.catalog")}</NavLink>
          <NavLink to={`/${lang}/report`}>{t("app.nav.report")}</NavLink>
          <NavLink to={`/${lang}/donors`}>{t("app.nav.donors")}</NavLink>
          <NavLink to={`/${lang}/releases`}>{t("app.nav.releases")}</NavLink>
          <NavLink to={`/${lang}/data`}>{t("app.nav.data")}</NavLink>
        </nav>
        <nav aria-label={t("app.language")} className="masthead__languages">
          {languages.map((language) => (
            <Link
              key={language}
              to={`${swapLanguage(location.pathname, language)}${location.search}`}
              aria-current={language === lang ? "true" : undefined}
              lang={language}
              hrefLang={language}
            >
              {language.toUpperCase()}
            </Link>
          ))}
        </nav>
        <DemoSwitch />
      </header>
      <DemoBanner />
      <EngineStatusBar />
      <ReleaseLine />
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
