import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { StatusBadge } from "@/components/status-badge";
import { catalog } from "@/lib/catalog/bundled-catalog";
import {
  commitmentsOfTheme,
  indicatorsOfCommitments,
  indicatorsOfGroup,
} from "@/lib/catalog/catalog-queries";
import { formatDate, formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { isIllustrative } from "@/lib/observations/decode-rows";
import { rollUp } from "@/lib/progress/indicator-status";
import { latestOf } from "@/lib/progress/series-point";
import { useStatuses } from "@/lib/query/statuses";

/**
 * A one-page brief a minister can print (A4 or Letter): the scope's overall status, each indicator
 * with data and its status, what has no data yet, the date, data freshness and sources.
 */
export default function BriefPage() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const [search] = useSearchParams();
  const theme = catalog.themes.find((th) => th.id === search.get("theme"));
  const group = catalog.populationGroups.find((g) => g.id === search.get("group"));
  const indicators = theme
    ? indicatorsOfCommitments(catalog, commitmentsOfTheme(catalog, theme.id))
    : group
      ? indicatorsOfGroup(catalog, group)
      : catalog.indicators;
  const { statuses, method, headlines } = useStatuses(indicators);
  const title = theme ? local(theme.title) : group ? local(group.title) : t("brief.overall");
  const today = formatDate(new Date(), language, "long");
  if (!statuses) return <p aria-busy="true">{t("engine.loading")}</p>;
  const withData = indicators.filter((i) => statuses.get(i.id)?.hasData);
  const latest = latestOf(withData.flatMap((i) => statuses.get(i.id)?.latest ?? []));
  const illustrative = withData.some((i) => isIllustrative(headlines.data?.get(i.id) ?? []));
  return (
    <article className="brief" data-brief>
      <header className="brief__header">
        <p className="kicker">{t("app.title")}</p>
        <h1>{t("brief.heading", { scope: title })}</h1>
        <p className="muted">
          {t("brief.meta", {
            date: today,
            period: latest ? formatPeriod(latest.period, language) : "—",
            method: t(`progress.methods.${method}`),
          })}
        </p>
        <p className="no-print">
          <button type="button" onClick={() => window.print()}>
            {t("donors.print")}
          </button>{" "}
          <Link to={`/${language}`}>{t("app.backToOverview")}</Link>
        </p>
      </header>
      <section className="brief__overall">
        <h2>{t("brief.status")}</h2>
        <StatusBadge status={rollUp(indicators.flatMap((i) => statuses.get(i.id) ?? [])).status} />{" "}
        <span>
          {t("progress.withData", { withData: withData.length, total: indicators.length })}
        </span>
      </section>
      <table className="data-table brief__table">
        <caption>{t("brief.indicators")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("catalog.indicator")}</th>
            <th scope="col">{t("catalog.status")}</th>
            <th scope="col" className="num">
              {t("overview.latest")}
            </th>
          </tr>
        </thead>
        <tbody>
          {withData.map((i) => {
            const s = statuses.get(i.id);
            return (
              <tr key={i.id}>
                <th scope="row">{local(i.title)}</th>
                <td>{s && <StatusBadge status={s.result.status} />}</td>
                <td className="num">
                  {s?.latest
                    ? `${formatValue(s.latest.value, i.unit, language, "—")} (${formatPeriod(s.latest.period, language)})`
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>{t("brief.noData", { count: indicators.length - withData.length })}</p>
      <footer className="brief__footer">
        <p>{t("brief.sources")}</p>
        {illustrative && (
          <p className="notice notice--illustrative">{t("labels.illustrativeNote")}</p>
        )}
      </footer>
    </article>
  );
}
