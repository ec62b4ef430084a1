import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { codeLabel, findIndicator } from "@/lib/catalog/bundled-catalog";
import type { DimensionName } from "@/lib/catalog/schema";
import { formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { ReleaseChanges } from "@/lib/releases/release-formats";

/** What a release adds, revises (old → new) and removes, indicator by indicator. */
export function ChangeList({ changes }: { changes: ReleaseChanges }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  if (changes.length === 0) return <p data-changes="none">{t("changes.none")}</p>;
  const breakdown = (b: Record<string, string>) =>
    Object.entries(b)
      .map(([d, code]) => local(codeLabel(d as DimensionName, code) ?? { es: code, en: code }))
      .join(" · ") || t("indicator.total");
  return (
    <div className="change-list" data-changes={changes.length}>
      {changes.map((c) => {
        const indicator = findIndicator(c.indicatorId);
        const format = (v: number | null) =>
          formatValue(v, indicator?.unit ?? "count", language, t("indicator.missing"));
        return (
          <section key={c.indicatorId} className="panel" data-changed-indicator={c.indicatorId}>
            <h3>
              <Link to={`/${language}/indicators/${c.indicatorId}`}>
                {indicator ? local(indicator.title) : c.indicatorId}
              </Link>
            </h3>
            <p>
              {t("changes.summary", {
                added: t("changes.addedCount", { count: c.added.length }),
                revised: t("changes.revisedCount", { count: c.revised.length }),
                removed: t("changes.removedCount", { count: c.removed.length }),
              })}
            </p>
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t("changes.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("changes.kind")}</th>
                    <th scope="col">{t("indicator.period")}</th>
                    <th scope="col">{t("indicator.series")}</th>
                    <th scope="col" className="num">
                      {t("changes.before")}
                    </th>
                    <th scope="col" className="num">
                      {t("changes.after")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[
                    ...c.revised.map((r) => ({
                      kind: "revised",
                      ...r,
                      before: r.old,
                      after: r.new,
                    })),
                    ...c.added.map((r) => ({ kind: "added", ...r, before: null, after: r.value })),
                    ...c.removed.map((r) => ({
                      kind: "removed",
                      ...r,
                      before: r.value,
                      after: null,
                    })),
                  ].map((row) => (
                    <tr
                      key={`${row.kind}-${row.period}-${JSON.stringify(row.breakdown)}`}
                      data-change={row.kind}
                    >
                      <td>{t(`changes.${row.kind}`)}</td>
                      <th scope="row">{formatPeriod(row.period, language)}</th>
                      <td>{breakdown(row.breakdown)}</td>
                      <td className="num">{row.kind === "added" ? "—" : format(row.before)}</td>
                      <td className="num">{row.kind === "removed" ? "—" : format(row.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
