import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useParams } from "react-router";
import { findIndicator } from "@/lib/catalog/bundled-catalog";
import { embedPath } from "@/lib/embed/embed-path";
import { defaultLanguage, isLanguage } from "@/lib/i18n/resources";
import { EmbedView } from "./embed-view";

/**
 * One indicator for another site's page (`/:lang/embed/indicators/:id`, framed by an iframe):
 * outside the app's layout, so no header, navigation, demo switch or engine status bar.
 */
export function EmbedPage() {
  const { lang, id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();

  useEffect(() => {
    if (isLanguage(lang)) {
      void i18n.changeLanguage(lang);
      document.documentElement.lang = lang;
    }
  }, [lang, i18n]);

  if (!isLanguage(lang))
    return <Navigate to={`${embedPath(defaultLanguage, id)}${location.search}`} replace />;
  if (i18n.language !== lang) return null;

  const indicator = findIndicator(id);
  if (!indicator)
    return (
      <main className="embed" data-embed-missing={id}>
        <p role="alert">{t("indicator.notFound", { id })}</p>
      </main>
    );
  return <EmbedView indicator={indicator} language={lang} />;
}
