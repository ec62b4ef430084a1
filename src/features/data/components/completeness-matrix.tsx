import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { catalog } from "@/lib/catalog/bundled-catalog";
import type { ReadyData } from "@/lib/db/engine-status";
import { useReadyEngine } from "@/lib/db/engine-status";
import { formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import {
  buildCompletenessSql,
  type Completeness,
  completeness,
  reportingDelayDays,
} from "@/lib/officer-tools/completeness";
import { lastEndedQuarter, quartersUpTo } from "@/lib/officer-tools/template";

const symbols: Record<Completeness, string> = {
  reported: "✓",
  partial: "◐",
  missing: "○",
  late: "✕",
};
const quarterly = catalog.indicators.filter((i) => i.periodicity === "quarterly");

function completenessQuery(ready: ReadyData, periods: string[]) {
  const { sql, params } = buildCompletenessSql(
    quarterly.map((i) => i.id),
    periods,
  );
  return queryOptions({
    queryKey: ["completeness", ready.dataVersion, periods],
    queryFn: async () =>
      new Map(
        (await ready.engine.query(sql, params)).map((r) => [
          `${r.indicator_id}|${r.period}`,
          { rows: Number(r.rows), totals: Number(r.totals) },
        ]),
      ),
  });
}

/** Which quarterly indicators have been reported for the last eight quarters, and which are late. */
export function CompletenessMatrix() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const ready = useReadyEngine();
  const today = new Date();
  const periods = quartersUpTo(lastEndedQuarter(today), 8);
  const counts = useQuery(
    ready
      ? completenessQuery(ready, periods)
      : { queryKey: ["completeness", 0, periods], queryFn: skipToken },
  );
  return (
    <section aria-labelledby="completeness-heading" className="panel">
      <h2 id="completeness-heading">{t("tools.completeness")}</h2>
      <p>{t("tools.completenessIntro", { days: reportingDelayDays })}</p>
      <p className="legend">
        {(Object.keys(symbols) as Completeness[]).map((c) => (
          <span key={c} className={`cell--${c}`}>
            {symbols[c]} {t(`tools.status.${c}`)}
          </span>
        ))}
      </p>
      <div className="table-scroll">
        <table className="data-table completeness">
          <caption>{t("tools.completenessCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("catalog.indicator")}</th>
              {periods.map((p) => (
                <th key={p} scope="col">
                  {formatPeriod(p, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {quarterly.map((indicator) => (
              <tr key={indicator.id} data-completeness={indicator.id}>
                <th scope="row">
                  <Link to={`/${language}/indicators/${indicator.id}`}>
                    {local(indicator.title)}
                  </Link>
                </th>
                {periods.map((p) => {
                  const count = counts.data?.get(`${indicator.id}|${p}`) ?? { rows: 0, totals: 0 };
                  const status = completeness(count.rows, count.totals, p, today);
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
      </div>
    </section>
  );
}
