import { useTranslation } from "react-i18next";
import type { Indicator } from "@/lib/catalog/schema";
import { useLanguage } from "@/lib/i18n/use-language";
import { csvTemplate } from "./csv-template";

/** An indicator without data still says what would feed it, so the catalog is useful before data arrives. */
export function NoDataYet({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const { local } = useLanguage();
  return (
    <div className="no-data-panel" data-no-data={indicator.id}>
      <p>
        <strong>{t("catalog.noDataYet")}</strong>
      </p>
      <p>
        {t("indicator.providedBy")} {local(indicator.provider)} ({indicator.institutions.join(", ")}
        ).
      </p>
      <p>{t("indicator.templateIntro")}</p>
      <pre className="template">{csvTemplate(indicator)}</pre>
    </div>
  );
}
