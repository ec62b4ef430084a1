import { useTranslation } from "react-i18next";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { referencesOf } from "@/lib/catalog/rule-expression";
import type { Indicator } from "@/lib/catalog/schema";
import { useLanguage } from "@/lib/i18n/use-language";
import { parsedRules } from "@/lib/plausibility/rule-comparisons";

const rules = parsedRules(catalog.rules);

/** The plausibility rules that compare this indicator with others (or its parts with its total). */
export function IndicatorRules({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const { local } = useLanguage();
  const own = rules.filter(({ expression }) =>
    referencesOf(expression).some((r) => r.indicator === indicator.id),
  );
  if (own.length === 0) return null;
  return (
    <section aria-labelledby="rules-heading" className="panel" data-indicator-rules={own.length}>
      <h2 id="rules-heading">{t("plausibility.indicatorHeading")}</h2>
      <p>{t("plausibility.indicatorIntro")}</p>
      <ul>
        {own.map(({ rule }) => (
          <li key={rule.id} data-rule={rule.id}>
            <strong>{local(rule.title)}</strong>: <code>{rule.expression}</code>.{" "}
            {t("plausibility.reason")}: {local(rule.reason)}.
          </li>
        ))}
      </ul>
    </section>
  );
}
