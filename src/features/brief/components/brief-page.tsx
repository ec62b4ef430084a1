import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { CoverageSummary } from "@/components/coverage-summary";
import { SourceLine } from "@/components/source-line";
import { StaleFlag } from "@/components/stale-flag";
import { StatusBadge } from "@/components/status-badge";
import { catalog } from "@/lib/catalog/bundled-catalog";
import {
  commitmentsOfTheme,
  indicatorsOfCommitments,
  indicatorsOfGroup,
} from "@/lib/catalog/catalog-queries";
import { formatDate, formatPeriod, formatValue } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { rollUp } from "@/lib/progress/indicator-status";
import { latestOf } from "@/lib/progress/series-point";
import { useStatuses } from "@/lib/query/statuses";

/**
 * A one-page brief a minister can print (A4 or Letter): the scope's overall status with its
 * coverage, each indicator with data (value, period, status, source, old data flagged), and
 * what has no data yet with who should report it. A population group's brief reads every
 * indicator through the group's own breakdown, never the total for everyone.
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
  const { statuses, method, headlines } = useStatuses(indicators, { group });
  const title = theme ? local(theme.title) : group ? local(group.title) : t("brief.overall");
  const today = formatDate(new Date(), language, "long");
  if (!statuses || !headlines.data) return <p aria-busy="true">{t("engine.loading")}</p>;
  const series = headlines.data;
  const shown = indicators.filter((i) => !headlines.without.includes(i));
  const withData = shown.filter((i) => statuses.get(i.id)?.hasData);
  const waiting = shown.filter((i) => !statuses.get(i.id)?.hasData);
  const latest = latestOf(withData.flatMap((i) => statuses.get(i.id)?.latest ?? []));
  const roll = rollUp(shown.flatMap((i) => statuses.get(i.id) ?? []));
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
        {group && <p data-brief-group={group.id}>{t("brief.groupScope")}</p>}
        <p className="no-print">
          <button type="button" onClick={() => window.print()}>
            {t("donors.print")}
          </button>{" "}
          <Link to={`/${language}`}>{t("app.backToOverview")}</Link>
        </p>
      </header>
      <section className="brief__overall">
        <h2>{t("brief.status")}</h2>
        <StatusBadge status={roll.status} />
        <p className="roll-up__coverage">
          {t("progress.scoredOf", { scored: roll.scored, judgeable: roll.judgeable })}
        </p>
        <CoverageSummary indicators={shown} series={series} />
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
              <tr key={i.id} data-brief-row={i.id}>
                <th scope="row">
                  {local(i.title)}
                  <SourceLine indicatorId={i.id} points={series.get(i.id) ?? []} />
                </th>
                <td>{s && <StatusBadge status={s.result.status} />}</td>
                <td className="num" data-brief-value={s?.latest?.value ?? ""}>
                  {s?.latest
                    ? `${formatValue(s.latest.value, i.unit, language, "—")} (${formatPeriod(s.latest.period, language)})`
                    : "—"}
                  {s?.latest && <StaleFlag period={s.latest.period} periodicity={i.periodicity} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {waiting.length > 0 && (
        <section className="brief__waiting">
          <h2>{t("brief.noData", { count: waiting.length })}</h2>
          <ul>
            {waiting.map((i) => (
              <li key={i.id}>
                {local(i.title)} <span className="muted">· {i.institutions.join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {headlines.without.length > 0 && (
        <p className="muted" data-brief-without={headlines.without.length}>
          {t("brief.withoutGroup", { count: headlines.without.length })}
        </p>
      )}
      <footer className="brief__footer">
        <p>{t("brief.sources")}</p>
      </footer>
    </article>
  );
}
