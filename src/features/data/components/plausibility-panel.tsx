import { useTranslation } from "react-i18next";
import { formatNumber, formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { RuleStatus } from "@/lib/plausibility/accepted-rules";
import type { RuleComparison, TermValue } from "@/lib/plausibility/rule-comparisons";
import { useRuleStatuses } from "@/lib/query/broken-rules";

/** The figures of one side, each named as the rule writes it: `a 500 + 2 × b 20 = 540`. */
function Side({
  terms,
  constant,
  total,
}: {
  terms: readonly TermValue[];
  constant: number;
  total: number;
}) {
  const { language } = useLanguage();
  const summed = terms.length + (constant === 0 ? 0 : 1) > 1 || terms.some((t) => t.factor !== 1);
  return (
    <>
      {terms.map((term, i) => (
        <span key={term.label}>
          {i > 0 && " + "}
          {term.factor !== 1 && `${formatNumber(term.factor, language)} × `}
          <code>{term.label}</code> {formatNumber(term.value, language)}
        </span>
      ))}
      {constant !== 0 && ` + ${formatNumber(constant, language)}`}
      {summed && ` = ${formatNumber(total, language)}`}
    </>
  );
}

function BrokenComparisons({ status }: { status: RuleStatus }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const where = (c: RuleComparison) =>
    c.breakdown === null
      ? t("plausibility.total")
      : `${t(`dimensions.${c.breakdown.dimension}`)}: ${c.breakdown.code}`;
  return (
    <table className="data-table">
      <caption>{t("plausibility.brokenCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("plausibility.period")}</th>
          <th scope="col">{t("plausibility.breakdown")}</th>
          <th scope="col">{t("plausibility.left")}</th>
          <th scope="col">{t("plausibility.comparison")}</th>
          <th scope="col">{t("plausibility.right")}</th>
        </tr>
      </thead>
      <tbody>
        {status.broken.map((c) => (
          <tr key={`${c.period}|${where(c)}`} data-broken-comparison={c.period}>
            <td>{formatPeriod(c.period, language)}</td>
            <td>{where(c)}</td>
            <td>
              <Side terms={c.leftTerms} constant={c.leftConstant} total={c.left} />
            </td>
            <td>{status.rule.expression.comparison}</td>
            <td>
              <Side terms={c.rightTerms} constant={c.rightConstant} total={c.right} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RuleItem({ status }: { status: RuleStatus }) {
  const { t } = useTranslation();
  const { local } = useLanguage();
  const { rule } = status.rule;
  const verdict =
    status.compared === 0
      ? t("plausibility.notCompared")
      : status.broken.length > 0
        ? t("plausibility.broken", { count: status.broken.length })
        : t("plausibility.holds", { count: status.compared });
  return (
    <details data-rule={rule.id} data-broken={status.broken.length} open={status.broken.length > 0}>
      <summary>
        <strong>{local(rule.title)}</strong> — {verdict}
      </summary>
      <dl>
        <dt>{t("plausibility.expression")}</dt>
        <dd>
          <code>{rule.expression}</code>
        </dd>
        <dt>{t("plausibility.reason")}</dt>
        <dd>{local(rule.reason)}</dd>
        <dt>{t("plausibility.basis")}</dt>
        <dd>{local(rule.basis.explanation)}</dd>
      </dl>
      {status.broken.length > 0 && <BrokenComparisons status={status} />}
    </details>
  );
}

/**
 * Which of the catalog's rules across indicators the accepted data break, with the figures on
 * both sides, for each period and breakdown; each rule shows its expression, reason and basis.
 */
export function PlausibilityPanel() {
  const { t } = useTranslation();
  const statuses = useRuleStatuses();
  const list = statuses.data ?? [];
  const broken = list.filter((s) => s.broken.length > 0).length;
  return (
    <section aria-labelledby="plausibility-heading" className="panel plausibility-panel">
      <h2 id="plausibility-heading">{t("plausibility.heading")}</h2>
      <p>{t("plausibility.intro")}</p>
      {statuses.isError && (
        <p role="alert">{t("plausibility.failed", { message: String(statuses.error) })}</p>
      )}
      {statuses.isSuccess ? (
        <>
          <p data-broken-rules={broken}>
            {broken === 0
              ? t("plausibility.noneBroken", { count: list.length })
              : t("plausibility.someBroken", { count: broken, total: list.length })}
          </p>
          <ul>
            {list.map((status) => (
              <li key={status.rule.rule.id}>
                <RuleItem status={status} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        !statuses.isError && <p className="muted">{t("plausibility.checking")}</p>
      )}
    </section>
  );
}
