import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { EChart } from "@/components/chart/echart";
import { RollUpBadge } from "@/components/roll-up-badge";
import { SourceLine } from "@/components/source-line";
import { StaleFlag } from "@/components/stale-flag";
import { catalog, findCommitment } from "@/lib/catalog/bundled-catalog";
import { indicatorsOfGroup } from "@/lib/catalog/catalog-queries";
import type { Periodicity } from "@/lib/catalog/schema";
import { download } from "@/lib/download";
import { formatMoney, formatPeriod, formatValue } from "@/lib/format/format-value";
import { spreadsheetCsvType, spreadsheetFileName } from "@/lib/format/spreadsheet-csv";
import {
  type FundedCommitment,
  fundingGaps,
  joinFundingToProgress,
} from "@/lib/funding/funding-progress";
import { totalsByCurrency } from "@/lib/funding/funding-totals";
import { useLanguage } from "@/lib/i18n/use-language";
import { describeProvenances } from "@/lib/observations/describe-provenance";
import { provenanceOfSeries } from "@/lib/observations/provenance-of-series";
import { statuses as statusList } from "@/lib/progress/progress-input";
import { useAcceptedFiles } from "@/lib/query/accepted-files";
import { useFunding } from "@/lib/query/funding";
import { useStatuses } from "@/lib/query/statuses";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { donorCsv } from "../donor-csv";
import { FilterSelect } from "./filter-select";
import { fundingChartOption } from "./funding-chart-option";

const sortKey = z.enum(["commitment", "rate", "progress"]).catch("commitment");
const donorState = {
  donor: z.string().nullable().catch(null),
  theme: z.string().nullable().catch(null),
  group: z.string().nullable().catch(null),
  status: z.enum(statusList).nullable().catch(null),
  sort: sortKey,
};

/** The periodicity of the indicator whose data are the row's latest, to judge whether they are old. */
function periodicityOfLatest(row: FundedCommitment): Periodicity {
  const id = row.indicators.find((i) => i.latest === row.latestData)?.id;
  return catalog.indicators.find((i) => i.id === id)?.periodicity ?? "quarterly";
}

/** Funding joined to results: per donor, every funded commitment with money and progress side by side. */
export function DonorPage() {
  const { t } = useTranslation();
  const { language, local } = useLanguage();
  const [{ donor, theme, group, status, sort }, setState] = useUrlState(donorState);
  const funding = useFunding();
  const { statuses, headlines } = useStatuses(catalog.indicators);
  const accepted = useAcceptedFiles();
  const seriesOf = (ids: readonly string[]) =>
    ids.map((id) => ({ indicatorId: id, points: headlines.data?.get(id) ?? [] }));
  const money = (value: number, currency: string) => formatMoney(value, currency, language);

  const rows = useMemo(() => {
    if (!funding.data || !statuses) return null;
    const lines = funding.data.lines.filter((l) => donor === null || l.donor === donor);
    const chosenGroup = catalog.populationGroups.find((g) => g.id === group);
    const groupIndicators = chosenGroup
      ? new Set(indicatorsOfGroup(catalog, chosenGroup).map((i) => i.id))
      : null;
    return joinFundingToProgress(catalog, lines, statuses)
      .filter((f) => {
        const commitment = findCommitment(f.commitment_id);
        if (theme && !commitment?.themes.includes(theme)) return false;
        if (
          group &&
          !(
            commitment?.populationGroups.includes(group) ||
            f.indicators.some((i) => groupIndicators?.has(i.id))
          )
        )
          return false;
        if (status && f.progress.status !== status) return false;
        return true;
      })
      .sort((a, b) =>
        sort === "rate"
          ? (a.disbursementRate ?? -1) - (b.disbursementRate ?? -1)
          : sort === "progress"
            ? (a.progress.score ?? Number.POSITIVE_INFINITY) -
              (b.progress.score ?? Number.POSITIVE_INFINITY)
            : 0,
      );
  }, [funding.data, statuses, donor, theme, group, status, sort]);

  const gaps = useMemo(
    () =>
      rows && funding.data && statuses
        ? fundingGaps(catalog, rows, funding.data.lines, statuses)
        : null,
    [rows, funding.data, statuses],
  );
  // Numbered on the chart, named in the list under it: commitment titles are too long for labels.
  const chartPoints = useMemo(
    () =>
      (rows ?? [])
        .filter((r) => r.progress.score !== null && r.disbursementRate !== null)
        .map((r) => ({
          name: t("donors.chartPointName", {
            commitment: local(
              findCommitment(r.commitment_id)?.title ?? {
                es: r.commitment_id,
                en: r.commitment_id,
              },
            ),
            donor: r.donor,
          }),
          disbursed: (r.disbursementRate ?? 0) * 100,
          score: r.progress.score ?? 0,
        })),
    [rows, local, t],
  );
  const chart = useMemo(
    () =>
      fundingChartOption(chartPoints, {
        x: t("donors.disbursementRate"),
        y: t("donors.progressScore"),
      }),
    [chartPoints, t],
  );

  return (
    <div className="page donor-page">
      <h1>{t("donors.heading")}</h1>
      <p className="lead">{t("donors.intro")}</p>
      {funding.data?.lines.some((l) => l.illustrative) && (
        <p className="notice notice--illustrative">{t("donors.illustrative")}</p>
      )}
      {funding.data && funding.data.lines.length === 0 && (
        <p className="notice" data-no-funding>
          {t("donors.noFunding")}
        </p>
      )}
      <div className="filters no-print">
        <FilterSelect
          label={t("donors.donor")}
          value={donor ?? ""}
          empty={t("donors.allDonors")}
          options={(funding.data?.donors ?? []).map((d) => ({ value: d, label: d }))}
          onChange={(v) => setState({ donor: v })}
        />
        <FilterSelect
          label={t("catalog.themes")}
          value={theme ?? ""}
          empty={t("donors.any")}
          options={catalog.themes.map((th) => ({ value: th.id, label: local(th.title) }))}
          onChange={(v) => setState({ theme: v })}
        />
        <FilterSelect
          label={t("catalog.groups")}
          value={group ?? ""}
          empty={t("donors.any")}
          options={catalog.populationGroups.map((g) => ({ value: g.id, label: local(g.title) }))}
          onChange={(v) => setState({ group: v })}
        />
        <FilterSelect
          label={t("catalog.status")}
          value={status ?? ""}
          empty={t("donors.any")}
          options={statusList.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(v) => setState({ status: donorState.status.parse(v) })}
        />
        <label>
          {t("donors.sort")}
          <select value={sort} onChange={(e) => setState({ sort: sortKey.parse(e.target.value) })}>
            <option value="commitment">{t("donors.sortCommitment")}</option>
            <option value="rate">{t("donors.sortRate")}</option>
            <option value="progress">{t("donors.sortProgress")}</option>
          </select>
        </label>
      </div>
      {!rows ? (
        <p aria-busy="true">{t("engine.loading")}</p>
      ) : (
        <>
          <section aria-labelledby="funded-heading" className="panel">
            <h2 id="funded-heading">{t("donors.funded", { count: rows.length })}</h2>
            <div className="table-scroll">
              <table className="data-table funded">
                <caption>{donor ?? t("donors.allDonors")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("donors.commitment")}</th>
                    <th scope="col">{t("donors.donor")}</th>
                    <th scope="col" className="num">
                      {t("donors.committed")}
                    </th>
                    <th scope="col" className="num">
                      {t("donors.disbursed")}
                    </th>
                    <th scope="col" className="num">
                      {t("donors.rate")}
                    </th>
                    <th scope="col">{t("donors.progress")}</th>
                    <th scope="col">{t("donors.latestData")}</th>
                    <th scope="col">{t("donors.sources")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr
                      key={`${r.commitment_id}-${r.donor}-${r.currency}`}
                      data-funded={r.commitment_id}
                    >
                      <th scope="row">
                        <Link to={`/${language}/commitments/${r.commitment_id}`}>
                          {local(
                            findCommitment(r.commitment_id)?.title ?? {
                              es: r.commitment_id,
                              en: r.commitment_id,
                            },
                          )}
                        </Link>
                        <br />
                        <span className="muted">{r.programmes}</span>
                      </th>
                      <td>{r.donor}</td>
                      <td className="num">{money(r.committed, r.currency)}</td>
                      <td className="num">{money(r.disbursed, r.currency)}</td>
                      <td className="num">
                        {r.disbursementRate === null
                          ? "—"
                          : `${Math.round(r.disbursementRate * 100)} %`}
                      </td>
                      <td>
                        <RollUpBadge roll={r.progress} />
                      </td>
                      <td>
                        {r.latestData
                          ? formatPeriod(r.latestData, language)
                          : t("catalog.noDataYet")}
                        {r.latestData && (
                          <StaleFlag period={r.latestData} periodicity={periodicityOfLatest(r)} />
                        )}
                      </td>
                      <td>
                        <p
                          className="source-line"
                          data-funding-source={r.illustrative ? "illustrative" : "accepted"}
                        >
                          {t(r.illustrative ? "donors.fundingIllustrative" : "donors.fundingReal")}
                        </p>
                        <SourceLine series={seriesOf(r.indicators.map((i) => i.id))} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t("donors.totals")}</h3>
            <ul data-totals>
              {totalsByCurrency(rows).map((total) => (
                <li key={total.currency}>
                  {t("donors.totalLine", {
                    currency: total.currency,
                    committed: money(total.committed, total.currency),
                    disbursed: money(total.disbursed, total.currency),
                  })}
                </li>
              ))}
            </ul>
            <p className="muted">{t("donors.noConversion")}</p>
            <p className="no-print">
              <button
                type="button"
                onClick={() =>
                  download(
                    spreadsheetFileName(`financiamiento-${donor ?? t("donors.allFile")}`),
                    donorCsv(
                      rows,
                      t,
                      local,
                      (r) =>
                        describeProvenances(
                          provenanceOfSeries(seriesOf(r.indicators.map((i) => i.id)), accepted),
                          t,
                          language,
                        ),
                      language,
                    ),
                    spreadsheetCsvType,
                  )
                }
              >
                {t("donors.exportCsv")}
              </button>{" "}
              <button type="button" onClick={() => window.print()}>
                {t("donors.print")}
              </button>
            </p>
          </section>
          <section aria-labelledby="chart-heading" className="panel">
            <h2 id="chart-heading">{t("donors.chart")}</h2>
            <EChart
              option={chart}
              summary={t("donors.chartSummary", {
                count: rows.filter((r) => r.progress.score !== null).length,
              })}
              height={320}
            />
            <h3 id="chart-key-heading">{t("donors.chartKey")}</h3>
            <ol className="chart-key" aria-labelledby="chart-key-heading">
              {chartPoints.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the position is the point's number on the chart
                <li key={`${i + 1}. ${p.name}`}>
                  {t("donors.chartKeyItem", {
                    name: p.name,
                    disbursed: Math.round(p.disbursed),
                    score: formatValue(p.score, "score", language, "—"),
                  })}
                </li>
              ))}
            </ol>
          </section>
          {gaps && (
            <section aria-labelledby="gaps-heading" className="panel">
              <h2 id="gaps-heading">{t("donors.gaps")}</h2>
              <h3>{t("donors.fundedWithoutData")}</h3>
              <ul data-gap="funded-without-data">
                {gaps.fundedWithoutData.map((id) => (
                  <li key={id}>
                    <Link to={`/${language}/commitments/${id}`}>
                      {local(findCommitment(id)?.title ?? { es: id, en: id })}
                    </Link>
                  </li>
                ))}
              </ul>
              <h3>{t("donors.poorWithoutFunding")}</h3>
              {gaps.poorWithoutFunding.length === 0 ? (
                <p>{t("donors.none")}</p>
              ) : (
                <ul data-gap="poor-without-funding">
                  {gaps.poorWithoutFunding.map((id) => (
                    <li key={id}>
                      <Link to={`/${language}/commitments/${id}`}>
                        {local(findCommitment(id)?.title ?? { es: id, en: id })}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
