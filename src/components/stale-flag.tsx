import { useTranslation } from "react-i18next";
import type { Periodicity } from "@/lib/catalog/schema";
import { formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { isStale } from "@/lib/progress/staleness";

/** Says so wherever a figure is too old to describe today (nothing when it is recent). */
export function StaleFlag({
  period,
  periodicity,
  short = false,
}: {
  period: string;
  periodicity: Periodicity;
  /** Just the word, where the period is already shown beside it (a printed table). */
  short?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!isStale(period, periodicity, new Date())) return null;
  return (
    <span className="stale-flag" data-stale={period}>
      {short ? t("stale.short") : t("stale.flag", { period: formatPeriod(period, language) })}
    </span>
  );
}
