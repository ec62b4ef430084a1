import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLanguage } from "@/lib/i18n/use-language";

export function NotInCatalog({ id }: { id: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="page">
      <p role="alert">{t("catalog.notFound", { id })}</p>
      <Link to={`/${language}/catalog`}>{t("catalog.back")}</Link>
    </div>
  );
}
