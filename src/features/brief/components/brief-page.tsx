import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { CoverageSummary } from "@/components/coverage-summary";
import { StaleFlag } from "@/components/stale-flag";
import { StatusBadge } from "@/components/status-badge";
import { catalog } from "@/lib/catalog/bundled-catalog";
import {
  commitmentsOfTheme,
  indicatorsOfCommitments,
  indicatorsOfGroup,
} from "@/lib/catalog/catalog-queries";
import { formatDate, formatPeriod, formatValueShort } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { describeProvenance } from "@/lib/observations/describe-provenance";
import { numberProvenances, pendingByInstitution } from "@/lib/observations/number-provenances";
import { provenanceKey } from "@/lib/observations/provenance";
import { provenanceOfSeries } from "@/lib/observations/provenance-of-series";
import { latestOf } from "@/lib/observations/series-point";
import { rollUp } from "@/lib/progress/indicator-status";
import { useAcceptedFiles } from "@/lib/query/accepted-files";
import { useStatuses } from "@/lib/query/statuses";
import { useUrlState } from "@/lib/url-state/use-url-state";

/** The brief covers one theme or one population group, or everything when neither is set. */
const briefState = {
  theme: z.string().nullable().catch(null),
  group: z.string().nullable().catch(null),
};

/** Institutions named on the printed page; the Data page lists them all. */
const shownInstitutions = 8;

/**
 * A one-page brief a minister can print (A4 or Letter): the scope's overall status with its
 * coverage, each indicator with data (value, period, status, old data flagged, numbered source
 * references listed once below), and how many indicators have no data yet with who should report
 * them. A population group's brief reads every indicator through the group's own breakdown,
 * never the total for everyone.
 */
export default function BriefPage() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const [chosen] = useUrlState(briefState);
  const theme = catalog.themes.find((th) => th.id === chosen.theme);
  const group = catalog.populationGroups.find((g) => g.id === chosen.group);
  const indicators = theme
    ? indicatorsOfCommitments(catalog, commitmentsOfTheme(catalog, theme.id))
    : group
      ? indicatorsOfGroup(catalog, group)
      : catalog.indicators;
  const { statuses, method, headlines } = useStatuses(indicators, { group });
  const accepted = useAcceptedFiles();
  const title = theme ? local(theme.title) : group ? local(group.title) : t("brief.overall");
  const today = formatDate(new Date(), language, "long");
  if (!statuses || !headlines.data) return <p aria-busy="true">{t("engine.loading")}</p>;
  const series = headlines.data;
  const shown = indicators.filter((i) => !headlines.without.includes(i));
  const withData = shown.filter((i) => statuses.get(i.id)?.hasData);
  const waiting = shown.filter((i) => !statuses.get(i.id)?.hasData);
  const latest = latestOf(withData.flatMap((i) => statuses.get(i.id)?.latest ?? []));
  const roll = rollUp(shown.flatMap((i) => statuses.get(i.id) ?? []));
  const { refs, list: sources } = numberProvenances(
    withData.map((i) =>
      provenanceOfSeries([{ indicatorId: i.id, points: series.get(i.id) ?? [] }], accepted),
    ),
  );
  const kindsOf = (index: number) =>
    [...new Set((refs[index] ?? []).map((n) => sources[n - 1]?.kind))].join(" ");
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
        <CoverageSummary indicators={shown} series={series} compact />
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
            <th scope="col">{t("brief.sourceRef")}</th>
          </tr>
        </thead>
        <tbody>
          {withData.map((i, index) => {
            const s = statuses.get(i.id);
            return (
              <tr key={i.id} data-brief-row={i.id}>
                <th scope="row">{local(i.title)}</th>
                <td>{s && <StatusBadge status={s.result.status} />}</td>
                <td className="num" data-brief-value={s?.latest?.value ?? ""}>
                  {s?.latest
                    ? `${formatValueShort(s.latest.value, i.unit, language, "—")} (${formatPeriod(s.latest.period, language)})`
                    : "—"}
                  {s?.latest && (
                    <StaleFlag period={s.latest.period} periodicity={i.periodicity} short />
                  )}
                </td>
                <td className="brief__refs" data-provenance={kindsOf(index)}>
                  {(refs[index] ?? []).map((n) => `[${n}]`).join(" ")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {waiting.length > 0 && (
        <section className="brief__waiting" data-brief-waiting={waiting.length}>
          <h2>{t("brief.noData", { count: waiting.length })}</h2>
          <p>
            {t("brief.whoReports")}{" "}
            {pendingByInstitution(waiting)
              .slice(0, shownInstitutions)
              .map(({ institution, count }) => `${institution} (${count})`)
              .join(" · ")}
            {pendingByInstitution(waiting).length > shownInstitutions
              ? ` ${t("brief.moreInstitutions", { count: pendingByInstitution(waiting).length - shownInstitutions })}`
              : ""}
            . {t("brief.fullList")}
          </p>
        </section>
      )}
      {headlines.without.length > 0 && (
        <p className="muted" data-brief-without={headlines.without.length}>
          {t("brief.withoutGroup", { count: headlines.without.length })}
        </p>
      )}
      <footer className="brief__footer">
        {sources.length > 0 && (
          <ol className="brief__sources" aria-label={t("brief.sourceList")}>
            {sources.map((p, n) => (
              <li key={provenanceKey(p)} value={n + 1} data-provenance={p.kind}>
                {describeProvenance(p, t, language, "short")}
              </li>
            ))}
          </ol>
        )}
        <p>{t("brief.sources")}</p>
      </footer>
    </article>
  );
}
