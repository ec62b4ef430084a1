import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EngineCrashedError } from "@/lib/db/engine";
import { formatDate, formatNumber } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { useReadyEngine } from "@/lib/query/engine-status";
import { StorageError, type SubmissionMeta } from "@/lib/submissions/submission";
import { useAcceptedFingerprint } from "../api/use-fingerprint";
import { type InspectChoices, useInspection } from "../api/use-inspection";
import { useSubmissionActions } from "../api/use-submission-actions";
import { useSubmissions } from "../api/use-submissions";
import { ColumnMapping } from "./column-mapping";
import { DataTools } from "./data-tools";
import { DiffTable } from "./diff-table";
import { FindingsTable } from "./findings-table";
import { ProgressBar } from "./progress-bar";
import { SubmissionHistory } from "./submission-history";
import { UploadBox } from "./upload-box";

type Outcome =
  | { kind: "accepted"; fileName: string; rows: number; seconds: number }
  | { kind: "undone"; fileName: string }
  | { kind: "redone"; fileName: string }
  | { kind: "removed"; fileName: string }
  | { kind: "error"; message: string };

/** Upload → findings → (map columns) → diff → accept; history with undo. Nothing changes until accepted. */
export default function DataPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ready = useReadyEngine();
  const { state, inspect, reset, cancel } = useInspection(ready);
  const submissions = useSubmissions();
  const [confirmed, setConfirmed] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const fingerprint = useAcceptedFingerprint();
  const failed = ready?.restore.failed ?? [];
  const damaged = failed.filter((f) => f.reason === "damaged");
  const unreadable = failed.filter((f) => f.reason === "unreadable");

  const storageMessage = (error: unknown) =>
    error instanceof StorageError
      ? t(`data.storage.${error.reason}`)
      : error instanceof EngineCrashedError
        ? t("data.engineCrashed")
        : t("data.acceptFailed", {
            message: error instanceof Error ? error.message : String(error),
          });

  const start = (file: File, choices: InspectChoices = {}) => {
    setConfirmed(false);
    setOutcome(null);
    void inspect(file, choices);
  };

  const actions = useSubmissionActions(ready);
  const busy = actions.busy;
  const failedWith = (error: unknown) =>
    setOutcome({ kind: "error", message: storageMessage(error) });

  const accept = () => {
    if (!ready || state.phase !== "checked") return;
    actions.accept.mutate(
      {
        fileName: state.file.name,
        checksum: state.inspection.checksum,
        kind: state.inspection.result.kind,
        parquet: state.inspection.parquet,
      },
      {
        onSuccess: async ({ meta, seconds }) => {
          setOutcome({ kind: "accepted", fileName: meta.fileName, rows: meta.rows, seconds });
          await reset();
          ready.dataChanged();
        },
        onError: failedWith,
      },
    );
  };

  const undo = (meta: SubmissionMeta) =>
    actions.undo.mutate(meta, {
      onSuccess: () => setOutcome({ kind: "undone", fileName: meta.fileName }),
      onError: failedWith,
    });

  const redo = (meta: SubmissionMeta) =>
    actions.redo.mutate(meta, {
      onSuccess: () => setOutcome({ kind: "redone", fileName: meta.fileName }),
      onError: failedWith,
    });

  const remove = (meta: SubmissionMeta) =>
    actions.remove.mutate(meta, {
      onSuccess: () => setOutcome({ kind: "removed", fileName: meta.fileName }),
      onError: failedWith,
    });

  const checked = state.phase === "checked" ? state : null;
  const errors = checked ? checked.inspection.result.errors + (checked.duplicateOf ? 1 : 0) : 0;
  const warnings = checked?.inspection.result.warnings ?? 0;
  const canAccept =
    checked !== null &&
    errors === 0 &&
    checked.inspection.rows > 0 &&
    (warnings === 0 || confirmed) &&
    !busy;

  return (
    <div className="page">
      <h1>{t("data.heading")}</h1>
      <p className="lead">{t("data.intro")}</p>
      {ready?.storageProblem && <p role="alert">{t("data.storage.unavailable")}</p>}
      {unreadable.length > 0 && (
        <p role="alert">
          {t("data.restoreFailed", { files: unreadable.map((f) => f.fileName).join(", ") })}
        </p>
      )}
      {damaged.length > 0 && (
        <p className="notice notice--error" role="alert" data-damaged-records={damaged.length}>
          {t("data.damaged", { files: damaged.map((f) => f.fileName).join(", ") })}
        </p>
      )}
      <UploadBox
        onFile={(file) => start(file)}
        disabled={!ready || state.phase === "checking" || busy}
      />
      {!ready && <p aria-busy="true">{t("engine.loading")}</p>}
      <div aria-live="polite">
        {outcome?.kind === "accepted" && (
          <p className="notice notice--ok" role="status">
            {t("data.accepted", {
              file: outcome.fileName,
              count: outcome.rows,
              seconds: formatNumber(outcome.seconds, language, 1),
            })}
          </p>
        )}
        {outcome?.kind === "undone" && (
          <p className="notice notice--ok" role="status">
            {t("data.undoneMessage", { file: outcome.fileName })}
          </p>
        )}
        {outcome?.kind === "redone" && (
          <p className="notice notice--ok" role="status">
            {t("data.redoneMessage", { file: outcome.fileName })}
          </p>
        )}
        {outcome?.kind === "removed" && (
          <p className="notice notice--ok" role="status">
            {t("data.removedMessage", { file: outcome.fileName })}
          </p>
        )}
        {outcome?.kind === "error" && (
          <p className="notice notice--error" role="alert">
            {outcome.message}
          </p>
        )}
      </div>
      {state.phase === "checking" && (
        <div className="checking">
          <ProgressBar
            label={t("data.checking", { file: state.fileName })}
            fraction={state.progress}
          />
          <button type="button" onClick={cancel}>
            {t("data.cancelCheck")}
          </button>
        </div>
      )}
      {state.phase === "cancelled" && (
        <p className="notice" role="status">
          {t("data.checkCancelled", { file: state.fileName })}
        </p>
      )}
      {state.phase === "memory_warning" && (
        <div className="notice notice--warning" role="alert">
          <p>{t("data.memoryWarning", { file: state.file.name, megabytes: state.megabytes })}</p>
          <button type="button" onClick={() => void inspect(state.file, state.choices, true)}>
            {t("data.checkAnyway")}
          </button>{" "}
          <button type="button" onClick={() => void reset()}>
            {t("data.cancelCheck")}
          </button>
        </div>
      )}
      {state.phase === "failed" && (
        <p className="notice notice--error" role="alert">
          {t("data.checkFailed", { file: state.fileName, message: state.message })}
        </p>
      )}
      {state.phase === "too_large" && (
        <p className="notice notice--error" role="alert">
          {state.fileName}:{" "}
          {t("validation.codes.file_too_large.message", {
            megabytes: state.megabytes,
            limit: state.limit,
          })}{" "}
          {t("validation.codes.file_too_large.action")}
        </p>
      )}
      {checked && (
        <>
          <section className="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{checked.file.name}</h2>
            <p data-summary={`${errors}/${warnings}/${checked.inspection.rows}`}>
              {t("data.summary", {
                errors: t("data.errorCount", { count: errors }),
                warnings: t("data.warningCount", { count: warnings }),
                rows: t("data.validRowCount", { count: checked.inspection.rows }),
                seconds: formatNumber(checked.inspection.seconds, language, 1),
              })}
            </p>
            {checked.duplicateOf && (
              <p className="notice notice--error" role="alert">
                {t("validation.codes.already_accepted.message", {
                  date: formatDate(new Date(checked.duplicateOf), language, "medium-time"),
                })}
              </p>
            )}
            {errors > 0 && <p className="notice notice--error">{t("data.fixAndRetry")}</p>}
          </section>
          <FindingsTable
            findings={checked.inspection.result.findings}
            fixes={checked.inspection.result.fixes}
          />
          <ColumnMapping
            header={checked.inspection.result.header}
            columns={checked.inspection.result.columns}
            sheets={checked.inspection.result.sheets}
            sheet={checked.inspection.result.sheet}
            choices={checked.choices}
            onChange={(choices) => start(checked.file, choices)}
          />
          {checked.diff && <DiffTable diff={checked.diff} />}
          <section className="panel accept" aria-labelledby="accept-heading">
            <h2 id="accept-heading">{t("data.acceptHeading")}</h2>
            {warnings > 0 && errors === 0 && (
              <label>
                <input
                  type="checkbox"
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.target.checked)}
                />{" "}
                {t("data.confirmWarnings", { count: warnings })}
              </label>
            )}
            <p>
              <button type="button" className="primary" disabled={!canAccept} onClick={accept}>
                {t("data.accept", { count: checked.inspection.rows })}
              </button>{" "}
              <button type="button" onClick={() => void reset()}>
                {t("data.discard")}
              </button>
            </p>
          </section>
        </>
      )}
      <SubmissionHistory
        submissions={submissions.data ?? []}
        damaged={new Set(damaged.map((f) => f.id))}
        loaded={submissions.isSuccess}
        onUndo={undo}
        onRedo={redo}
        onRemove={remove}
        busy={busy}
      />
      {fingerprint.data && (
        <p
          className="muted"
          data-fingerprint={fingerprint.data.sha256}
          data-accepted-rows={fingerprint.data.rows}
        >
          {t("data.fingerprint", {
            sha: fingerprint.data.sha256.slice(0, 12),
            rows: fingerprint.data.rows,
          })}
        </p>
      )}
      <DataTools />
    </div>
  );
}
