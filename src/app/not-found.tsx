import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

export function NotFound() {
  const { t } = useTranslation();
  const { lang = "es" } = useParams();
  return (
    <div className="page">
      <h1>{t("app.notFound")}</h1>
      <Link to={`/${lang}`}>{t("app.backToOverview")}</Link>
    </div>
  );
}
