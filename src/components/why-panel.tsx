import { useTranslation } from "react-i18next";
import type { Indicator } from "@/lib/catalog/schema";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { formulaText } from "@/lib/progress/formula-text";
import type { IndicatorStatus } from "@/lib/progress/indicator-status";
import { type Anchor, methods } from "@/lib/progress/progress-input";
import { StatusBadge } from "./status-badge";

/** Why an indicator has its status: inputs, formula with the numbers, result, and the other methods. */
export function WhyPanel({ indicator, status }: { indicator: Indicator; status: IndicatorStatus }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const r = status.result;
  const value = (v: number) => formatValue(v, indicator.unit, language, "—");
  const anchor = (a: Anchor | null) =>
    a
      ? `${value(a.value)} (${formatPeriod(a.from, language)}${a.from === a.to ? "" : ` – ${formatPeriod(a.to, language)}`})`
      : "—";
  return (
    <details className="why" data-why={indicator.id}>
      <summary>{t("progress.why")}</summary>
      <dl className="facts__list">
        <dt>{t("progress.methodUsed")}</dt>
        <dd>{t(`progress.methods.${r.method}`)}</dd>
        <dt>{t("indicator.baseline")}</dt>
        <dd>{anchor(r.baseline)}</dd>
        <dt>{t("progress.current")}</dt>
        <dd>{anchor(r.current)}</dd>
        <dt>{t("indicator.target")}</dt>
        <dd>
          {indicator.target
            ? `${value(indicator.target.value)} (${indicator.target.year})`
            : t("overview.noTarget")}
        </dd>
        <dt>{t("indicator.direction")}</dt>
        <dd>{t(`directions.${indicator.direction}`)}</dd>
        <dt>{t("progress.formula")}</dt>
        <dd>
          <code>
            {(r.formula && formulaText(r.formula, language)) ||
              (r.reason ? t(`progress.reasons.${r.reason}`) : t(`status.explain.${r.status}`))}
          </code>
        </dd>
        <dt>{t("progress.result")}</dt>
        <dd>
          <StatusBadge status={r.status} />{" "}
          {r.score === null ? "" : t("progress.score", { score: r.score })}
        </dd>
        <dt>{t("progress.otherMethods")}</dt>
        <dd>
          {methods
            .filter((m) => m !== r.method)
            .map((m) => (
              <span key={m} className="why__other">
                {t(`progress.methods.${m}`)}: <StatusBadge status={status.all[m].status} />
              </span>
            ))}
          {status.disagree && <strong className="why__disagree"> {t("progress.disagree")}</strong>}
        </dd>
      </dl>
    </details>
  );
}
