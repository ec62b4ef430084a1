import { useTranslation } from "react-i18next";
import { formatNumber, formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { Diff } from "@/lib/submissions/submission-service";

/** What accepting would change: added, changed (old → new) and removed rows. */
export function DiffTable({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const number = (v: number | null) => formatNumber(v, language);
  return (
    <section aria-labelledby="diff-heading" className="panel">
      <h2 id="diff-heading">{t("data.diff")}</h2>
      <p data-diff-counts={`${diff.added}/${diff.changed}/${diff.removed}`}>
        {t("data.diffCounts", {
          added: t("data.diffAdded", { count: diff.added }),
          changed: t("data.diffChanged", { count: diff.changed }),
          removed: t("data.diffRemoved", { count: diff.removed }),
        })}
      </p>
      {diff.sample.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("data.diffCaption", { shown: diff.sample.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.change")}</th>
                <th scope="col">{t("data.key")}</th>
                <th scope="col" className="num">
                  {t("data.oldValue")}
                </th>
                <th scope="col" className="num">
                  {t("data.newValue")}
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.sample.map((row) => (
                <tr key={`${row.kind}-${JSON.stringify(row.key)}`} className={`diff--${row.kind}`}>
                  <td>{t(`data.kind.${row.kind}`)}</td>
                  <td>
                    {Object.entries(row.key)
                      .map(([k, v]) => (k === "period" ? formatPeriod(v, language) : v))
                      .join(" · ")}
                  </td>
                  <td className="num">{number(row.old_value)}</td>
                  <td className="num">{number(row.new_value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
