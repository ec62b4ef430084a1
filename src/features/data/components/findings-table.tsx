import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeFix } from "@/lib/intake/describe-finding";
import type { Finding } from "@/lib/intake/findings";
import type { Fix } from "@/lib/intake/fix-log";
import { findingsCsv } from "../findings-csv";

const order = { error: 0, warning: 1, info: 2 } as const;
const pageSize = 200;

/** Every problem by row and column, errors first, with what to do; the full list downloads as CSV. */
export function FindingsTable({
  findings,
  fixes,
}: {
  findings: readonly Finding[];
  fixes: readonly Fix[];
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(pageSize);
  const sorted = useMemo(
    () =>
      [...findings].sort(
        (a, b) => order[a.severity] - order[b.severity] || (a.row ?? 0) - (b.row ?? 0),
      ),
    [findings],
  );
  const keyed = useMemo(() => {
    const seen = new Map<string, number>();
    return sorted.map((finding) => {
      const base = `${finding.code}-${finding.row ?? "file"}-${finding.column ?? ""}-${finding.value ?? ""}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { finding, key: `${base}#${n}` };
    });
  }, [sorted]);
  const groups = useMemo(() => {
    const counts = new Map<string, { finding: Finding; count: number }>();
    for (const f of sorted) {
      const key = `${f.severity}:${f.code}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { finding: f, count: 1 });
    }
    return [...counts.values()];
  }, [sorted]);
  const download = () => {
    const blob = new Blob([findingsCsv(sorted, t)], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "hallazgos.csv";
    link.click();
    URL.revokeObjectURL(link.href);
  };

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
            {t(`validation.codes.${finding.code}.message`, finding.detail ?? {})}{" "}
            <span className="muted">({t("data.times", { count })})</span>
          </li>
        ))}
      </ul>
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
      {sorted.length > 0 && (
        <div className="table-scroll">
          <table className="data-table findings-table">
            <caption>
              {t("data.findingsCaption", {
                shown: Math.min(shown, sorted.length),
                total: sorted.length,
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
                <tr key={key} className={`finding--${f.severity}`} data-finding={f.code}>
                  <td>{t(`validation.severity.${f.severity}`)}</td>
                  <td className="num">{f.row ?? "—"}</td>
                  <td>
                    {f.column ?? (typeof f.detail?.column === "string" ? f.detail.column : "—")}
                  </td>
                  <td>{f.value ?? ""}</td>
                  <td>{t(`validation.codes.${f.code}.message`, f.detail ?? {})}</td>
                  <td>{t(`validation.codes.${f.code}.action`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {shown < sorted.length && (
          <button type="button" onClick={() => setShown((n) => n + pageSize)}>
            {t("data.showMore")}
          </button>
        )}{" "}
        {sorted.length > 0 && (
          <button type="button" onClick={download}>
            {t("data.downloadFindings")}
          </button>
        )}
      </p>
    </section>
  );
}
