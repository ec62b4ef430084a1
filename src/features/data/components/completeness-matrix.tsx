import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { catalog, findIndicator } from "@/lib/catalog/bundled-catalog";
import type { Indicator, Periodicity } from "@/lib/catalog/schema";
import { formatPeriod } from "@/lib/format/format-value";
import { type Language, localeOf } from "@/lib/i18n/resources";
import { useLanguage } from "@/lib/i18n/use-language";
import {
  type Completeness,
  completeness,
  hasSource,
  type PendingCell,
  pendingByInstitution,
} from "@/lib/officer-tools/completeness";
import {
  dueDate,
  expectedPeriods,
  periodicityOrder,
  reportingDelayDays,
} from "@/lib/officer-tools/reporting-periods";
import { useReadyEngine } from "@/lib/query/engine-status";
import { completenessQuery } from "../api/get-completeness";

/** Due dates are UTC midnights: shown in UTC, so Honduras (UTC−6) does not see the day before. */
const dayFormat = (language: Language) =>
  new Intl.DateTimeFormat(localeOf[language], { dateStyle: "long", timeZone: "UTC" });

const symbols: Record<Completeness, string> = {
  reported: "✓",
  partial: "◐",
  missing: "○",
  late: "✕",
  no_source: "∅",
};

interface PeriodicityGroup {
  periodicity: Periodicity;
  indicators: Indicator[];
  periods: string[];
}

/**
 * Which indicators have been reported for their recent periods, each by its own periodicity
 * (quarters, years, months), which are late, and whom to call about what is missing.
 */
export function CompletenessMatrix() {
  const { t } = useTranslation();
  const ready = useReadyEngine();
  const today = new Date();
  const groups: PeriodicityGroup[] = periodicityOrder
    .map((periodicity) => ({
      periodicity,
      indicators: catalog.indicators.filter((i) => i.periodicity === periodicity),
      periods: expectedPeriods(periodicity, today),
    }))
    .filter((g) => g.indicators.length > 0);
  const allIds = groups.flatMap((g) => g.indicators.map((i) => i.id));
  const allPeriods = groups.flatMap((g) => g.periods);
  const counts = useQuery(completenessQuery(ready, allIds, allPeriods));
  const statusOf = (indicator: Indicator, period: string): Completeness => {
    const count = counts.data?.counts.get(`${indicator.id}|${period}`) ?? { rows: 0, totals: 0 };
    const sourceExists = hasSource(indicator, counts.data?.everReported.has(indicator.id) ?? true);
    return completeness(count.rows, count.totals, period, today, sourceExists);
  };
  const pending: PendingCell[] = counts.data
    ? groups.flatMap((g) =>
        g.indicators.flatMap((indicator) =>
          g.periods.flatMap((period) => {
            const status = statusOf(indicator, period);
            // Nobody to call about an indicator without a source yet.
            return status === "reported" || status === "no_source"
              ? []
              : [{ indicatorId: indicator.id, period, status }];
          }),
        ),
      )
    : [];

  return (
    <section aria-labelledby="completeness-heading" className="panel">
      <h2 id="completeness-heading">{t("tools.completeness")}</h2>
      <p>{t("tools.completenessIntro")}</p>
      <p className="legend">
        {(Object.keys(symbols) as Completeness[]).map((c) => (
          <span key={c} className={`cell--${c}`}>
            {symbols[c]} {t(`tools.status.${c}`)}
          </span>
        ))}
      </p>
      {counts.data ? (
        <>
          {groups.map((group) => (
            <CompletenessTable key={group.periodicity} group={group} statusOf={statusOf} />
          ))}
          <PendingByInstitution pending={pending} />
        </>
      ) : counts.isError ? (
        <p role="alert">{t("tools.completenessFailed", { message: String(counts.error) })}</p>
      ) : (
        // Until the counts are read, every cell would say "missing" or "late": a false alarm.
        <p role="status" aria-busy="true" data-completeness-loading>
          {t("tools.completenessLoading")}
        </p>
      )}
    </section>
  );
}

function CompletenessTable({
  group,
  statusOf,
}: {
  group: PeriodicityGroup;
  statusOf: (indicator: Indicator, period: string) => Completeness;
}) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const headingId = `completeness-${group.periodicity}`;
  const latest = group.periods.at(-1) ?? "";
  const lateFrom = dueDate(latest);
  const heading = t(`tools.completenessGroup.${group.periodicity}`, {
    count: group.periods.length,
  });
  return (
    <>
      <h3 id={headingId} className="completeness__heading">
        {heading}
      </h3>
      <p className="completeness__rule">
        {t(`tools.completenessRule.${group.periodicity}`, {
          days: reportingDelayDays[group.periodicity],
          period: formatPeriod(latest, language),
          date: lateFrom ? dayFormat(language).format(lateFrom) : "—",
        })}
      </p>
      <section
        className="table-scroll completeness-scroll"
        // A scrolling region must be reachable by keyboard (WCAG 2.1.1).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls, so it takes focus
        tabIndex={0}
        aria-labelledby={headingId}
      >
        <table className="data-table completeness" data-periodicity={group.periodicity}>
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col" className="completeness__indicator">
                {t("catalog.indicator")}
              </th>
              <th scope="col" className="completeness__who">
                {t("tools.whoReports")}
              </th>
              {group.periods.map((p) => (
                <th key={p} scope="col">
                  {formatPeriod(p, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.indicators.map((indicator) => (
              <tr key={indicator.id} data-completeness={indicator.id}>
                <th scope="row" className="completeness__indicator">
                  <Link to={`/${language}/indicators/${indicator.id}`}>
                    {local(indicator.title)}
                  </Link>
                </th>
                <td className="completeness__who">{indicator.institutions.join(", ")}</td>
                {group.periods.map((p) => {
                  const status = statusOf(indicator, p);
                  return (
                    <td key={p} className={`cell--${status}`} data-cell={`${p}:${status}`}>
                      <span aria-hidden="true">{symbols[status]}</span>{" "}
                      <span className="visually-hidden">{t(`tools.status.${status}`)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The most urgent first. */
const pendingOrder: readonly PendingCell["status"][] = ["late", "partial", "missing"];

/** What each institution still owes, most late first, so an officer knows whom to call. */
function PendingByInstitution({ pending }: { pending: readonly PendingCell[] }) {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const owed = pendingByInstitution(catalog.indicators, pending);
  return (
    <>
      <h3 id="pending-heading" className="completeness__heading">
        {t("tools.pendingHeading")}
      </h3>
      <p>{t("tools.pendingIntro")}</p>
      {owed.length === 0 ? (
        <p>{t("tools.pendingNone")}</p>
      ) : (
        <ul className="pending" aria-labelledby="pending-heading">
          {owed.map((entry) => {
            const cells = entry.indicators.flatMap((i) => i.cells);
            return (
              <li key={entry.institution} data-pending={entry.institution}>
                <details>
                  <summary>
                    <strong>{entry.institution}</strong>
                    {": "}
                    {t("tools.pendingSummary", {
                      late: t("tools.pendingLate", { count: entry.late }),
                      other: t("tools.pendingOther", { count: cells.length - entry.late }),
                      indicators: t("tools.pendingIndicators", {
                        count: entry.indicators.length,
                      }),
                    })}
                  </summary>
                  <ul>
                    {entry.indicators.map(({ indicatorId, cells: owedCells }) => {
                      const indicator = findIndicator(indicatorId);
                      if (!indicator) return null;
                      return (
                        <li key={indicatorId}>
                          <Link to={`/${language}/indicators/${indicatorId}`}>
                            {local(indicator.title)}
                          </Link>
                          {": "}
                          {pendingOrder
                            .map((status) => ({
                              status,
                              periods: owedCells.filter((c) => c.status === status),
                            }))
                            .filter(({ periods }) => periods.length > 0)
                            .map(({ status, periods }) =>
                              t("tools.pendingStatus", {
                                status: t(`tools.status.${status}`),
                                periods: periods
                                  .map((c) => formatPeriod(c.period, language))
                                  .join(", "),
                              }),
                            )
                            .join(" · ")}
                        </li>
                      );
                    })}
                  </ul>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
