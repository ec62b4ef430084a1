import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { download } from "@/lib/download";
import { spreadsheetCsvType, spreadsheetFileName } from "@/lib/format/spreadsheet-csv";
import { useLanguage } from "@/lib/i18n/use-language";
import { describeFix, findingAction, findingMessage } from "@/lib/intake/describe-finding";
import type { Finding, FindingCode } from "@/lib/intake/findings";
import type { Fix } from "@/lib/intake/fix-log";
import { findingsCsv } from "../findings-csv";

const pageSize = 200;

/** Findings whose advice sends the officer to the catalog's ids and codes. */
const needsCatalog: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "unknown_indicator",
  "missing_column",
  "code_not_allowed",
  "disaggregation_not_allowed",
  "unknown_commitment",
  "sdmx_unknown_series",
]);

/**
 * Every problem by row and column with what to do, in the order the intake gave them (errors
 * first, and a finding that explains others just before them: finding-causes.ts); the full list
 * downloads as CSV.
 */
export function FindingsTable({
  findings,
  fixes,
}: {
  findings: readonly Finding[];
  fixes: readonly Fix[];
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [shown, setShown] = useState(pageSize);
  const ordered = findings;
  const keyed = useMemo(() => {
    const seen = new Map<string, number>();
    return ordered.map((finding) => {
      const base = `${finding.code}-${finding.row ?? "file"}-${finding.column ?? ""}-${finding.value ?? ""}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { finding, key: `${base}#${n}` };
    });
  }, [ordered]);
  const groups = useMemo(() => {
    const counts = new Map<string, { finding: Finding; count: number }>();
    for (const f of ordered) {
      const key = `${f.severity}:${f.code}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { finding: f, count: 1 });
    }
    return [...counts.values()];
  }, [ordered]);
  const downloadFindings = () =>
    download(
      spreadsheetFileName(t("data.findingsFile")),
      findingsCsv(ordered, t, language),
      spreadsheetCsvType,
    );

  return (
    <section aria-labelledby="findings-heading" className="panel">
      <h2 id="findings-heading">{t("data.findings")}</h2>
      <ul className="finding-groups">
        {groups.map(({ finding, count }) => (
          <li
            key={`${finding.severity}:${finding.code}`}
            className={`finding--${finding.severity}`}
          >
            <strong>{t(`validation.severity.${finding.severity}`)}</strong> ·{" "}
            {findingMessage(finding, t)}{" "}
            <span className="muted">({t("data.times", { count })})</span>
          </li>
        ))}
      </ul>
      {ordered.some((f) => needsCatalog.has(f.code)) && (
        <p data-catalog-link>
          <Link to={`/${language}/catalog`}>{t("data.catalogLink")}</Link>
        </p>
      )}
      {fixes.length > 0 && (
        <>
          <h3>{t("data.fixes")}</h3>
          <ul className="fixes">
            {fixes.map((fix) => (
              <li key={`${fix.kind}:${fix.column}:${fix.from}:${fix.to}`}>{describeFix(fix, t)}</li>
            ))}
          </ul>
        </>
      )}
      {ordered.length > 0 && (
        <div className="table-scroll">
          <table className="data-table findings-table">
            <caption>
              {t("data.findingsCaption", {
                shown: Math.min(shown, ordered.length),
                total: ordered.length,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("data.severity")}</th>
                <th scope="col">{t("data.row")}</th>
                <th scope="col">{t("data.column")}</th>
                <th scope="col">{t("data.value")}</th>
                <th scope="col">{t("data.message")}</th>
                <th scope="col">{t("data.action")}</th>
              </tr>
            </thead>
            <tbody>
              {keyed.slice(0, shown).map(({ finding: f, key }) => (
                <tr
                  key={key}
                  className={`finding--${f.severity}`}
                  data-finding={f.code}
                  data-cause={f.cause?.code}
                >
                  <td>{t(`validation.severity.${f.severity}`)}</td>
                  <td className="num">{f.row ?? "—"}</td>
                  <td>
                    {f.column ?? (typeof f.detail?.column === "string" ? f.detail.column : "—")}
                  </td>
                  <td>{f.value ?? ""}</td>
                  <td>{findingMessage(f, t)}</td>
                  <td>{findingAction(f, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {shown < ordered.length && (
          <button type="button" onClick={() => setShown((n) => n + pageSize)}>
            {t("data.showMore")}
          </button>
        )}{" "}
        {ordered.length > 0 && (
          <button type="button" onClick={downloadFindings}>
            {t("data.downloadFindings")}
          </button>
        )}
      </p>
    </section>
  );
}
