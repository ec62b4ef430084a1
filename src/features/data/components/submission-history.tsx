import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatPeriod } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import type { SubmissionMeta } from "@/lib/submissions/submission";
import { UndoConfirmation } from "./undo-confirmation";

interface HistoryProps {
  submissions: readonly SubmissionMeta[];
  /** Ids of records whose stored data failed their checksum: not loaded, can be removed. */
  damaged: ReadonlySet<string>;
  /** The stored history has been read (until then the list is empty because unknown). */
  loaded: boolean;
  onUndo: (meta: SubmissionMeta) => void;
  onRedo: (meta: SubmissionMeta) => void;
  onRemove: (meta: SubmissionMeta) => void;
  busy: boolean;
}

/**
 * Every accepted file, newest first; undone ones stay listed and can be redone. Undoing asks
 * first, in the file's row.
 */
export function SubmissionHistory({
  submissions,
  damaged,
  loaded,
  onUndo,
  onRedo,
  onRemove,
  busy,
}: HistoryProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const { t } = useTranslation();
  const { language } = useLanguage();
  const date = (iso: string) => formatDate(new Date(iso), language, "medium-time");
  return (
    <section
      aria-labelledby="history-heading"
      className="panel"
      data-history-loaded={loaded || undefined}
    >
      <h2 id="history-heading">{t("data.history")}</h2>
      {submissions.length === 0 ? (
        <p>{t("data.noSubmissions")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("data.historyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.file")}</th>
                <th scope="col">{t("data.acceptedAt")}</th>
                <th scope="col" className="num">
                  {t("data.rows")}
                </th>
                <th scope="col">{t("data.covers")}</th>
                <th scope="col">{t("data.statusColumn")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("data.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr
                  key={s.id}
                  data-submission={s.fileName}
                  data-status={damaged.has(s.id) ? "damaged" : s.status}
                >
                  <th scope="row">
                    {s.fileName}
                    <br />
                    <span className="muted" title={s.checksum}>
                      SHA-256 {s.checksum.slice(0, 12)}…
                    </span>
                  </th>
                  <td>{date(s.acceptedAt)}</td>
                  <td className="num">{s.rows}</td>
                  <td>
                    {s.indicators.length} ·{" "}
                    {s.periods.map((p) => formatPeriod(p, language)).join(", ")}
                  </td>
                  <td>
                    {damaged.has(s.id)
                      ? t("data.damagedStatus")
                      : s.status === "active"
                        ? t("data.active")
                        : t("data.undone", { date: date(s.undoneAt ?? s.acceptedAt) })}
                  </td>
                  <td>
                    {damaged.has(s.id) ? (
                      <button type="button" disabled={busy} onClick={() => onRemove(s)}>
                        {t("data.removeDamaged")}
                      </button>
                    ) : s.status === "undone" ? (
                      <button type="button" disabled={busy} onClick={() => onRedo(s)}>
                        {t("data.redo")}
                      </button>
                    ) : confirming === s.id ? (
                      <UndoConfirmation
                        fileName={s.fileName}
                        busy={busy}
                        onConfirm={() => {
                          setConfirming(null);
                          onUndo(s);
                        }}
                        onCancel={() => setConfirming(null)}
                      />
                    ) : (
                      <button type="button" disabled={busy} onClick={() => setConfirming(s.id)}>
                        {t("data.undo")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
