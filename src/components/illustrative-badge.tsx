import { useTranslation } from "react-i18next";

export function IllustrativeBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--illustrative" title={t("labels.illustrativeNote")}>
      {t("labels.illustrative")}
    </span>
  );
}
