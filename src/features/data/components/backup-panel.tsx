import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { download } from "@/lib/download";
import { useReadyEngine } from "@/lib/query/engine-status";
import {
  BackupError,
  type BackupManifest,
  type BackupProblem,
  createBackup,
  type RestoredBackup,
  readBackup,
  restoreBackup,
} from "@/lib/submissions/backup";
import { StorageError } from "@/lib/submissions/submission";
import { acceptedFingerprint, type Fingerprint } from "@/lib/submissions/submission-service";
import { version as appVersion } from "../../../../package.json";

type State =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "exported"; manifest: BackupManifest }
  | { kind: "restored"; result: RestoredBackup; now: Fingerprint; recorded: Fingerprint }
  | { kind: "refused"; problem: BackupProblem }
  | { kind: "failed"; message: string };

const short = (sha256: string) => sha256.slice(0, 12);

/**
 * One file with every stored submission and its history, checksums and a manifest; restoring
 * checks all of it before changing anything, then compares the accepted data's fingerprint.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const ready = useReadyEngine();
  const id = useId();
  const [state, setState] = useState<State>({ kind: "idle" });

  const failure = (error: unknown): State =>
    error instanceof BackupError
      ? { kind: "refused", problem: error.problem }
      : {
          kind: "failed",
          message:
            error instanceof StorageError
              ? t(`data.storage.${error.reason}`)
              : error instanceof Error
                ? error.message
                : String(error),
        };

  const exportBackup = async () => {
    if (!ready) return;
    setState({ kind: "working" });
    try {
      const now = new Date();
      const backup = await createBackup(ready.store, await acceptedFingerprint(ready.engine), {
        appVersion,
        now,
      });
      download(
        `gcm-monitor-copia-${now.toISOString().slice(0, 10)}.zip`,
        backup.bytes,
        "application/zip",
      );
      setState({ kind: "exported", manifest: backup.manifest });
    } catch (error) {
      setState(failure(error));
    }
  };

  const restore = async (file: File) => {
    if (!ready) return;
    setState({ kind: "working" });
    try {
      const backup = await readBackup(new Uint8Array(await file.arrayBuffer()));
      const result = await restoreBackup(ready.store, backup);
      await ready.reloadSubmissions();
      const now = await acceptedFingerprint(ready.engine);
      setState({ kind: "restored", result, now, recorded: backup.manifest.accepted });
    } catch (error) {
      setState(failure(error));
    }
  };

  const busy = !ready || state.kind === "working";
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{t("backup.heading")}</h2>
      <p>{t("backup.intro")}</p>
      <p>
        <button type="button" disabled={busy} onClick={() => void exportBackup()}>
          {t("backup.export")}
        </button>
      </p>
      <p>
        <label htmlFor={`${id}-restore`}>{t("backup.restore")}</label>{" "}
        <input
          id={`${id}-restore`}
          type="file"
          accept=".zip,application/zip"
          disabled={busy}
          data-backup-restore
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void restore(file);
            event.target.value = "";
          }}
        />
      </p>
      <div aria-live="polite">
        {state.kind === "working" && <p aria-busy="true">{t("backup.working")}</p>}
        {state.kind === "exported" && (
          <p className="notice notice--ok" role="status" data-backup-exported>
            {t("backup.exported", {
              files: t("backup.files", { count: state.manifest.counts.submissions }),
              active: t("backup.activeFiles", { count: state.manifest.counts.active }),
              undone: t("backup.undoneFiles", { count: state.manifest.counts.undone }),
              rows: t("backup.rows", { count: state.manifest.counts.rows }),
            })}
            {state.manifest.omitted.length > 0 &&
              ` ${t("backup.omitted", {
                files: state.manifest.omitted.map((o) => o.fileName).join(", "),
              })}`}
          </p>
        )}
        {state.kind === "restored" && (
          <div
            className={`notice ${state.now.sha256 === state.recorded.sha256 ? "notice--ok" : "notice--error"}`}
            role="status"
            data-backup-check={state.now.sha256 === state.recorded.sha256 ? "same" : "different"}
          >
            <p>
              {t("backup.restored", {
                restored: t("backup.restoredFiles", { count: state.result.restored.length }),
                skipped: t("backup.skippedFiles", { count: state.result.skipped.length }),
                rows: t("backup.rows", {
                  count: state.result.restored.reduce((sum, m) => sum + m.rows, 0),
                }),
              })}
            </p>
            <p>
              {state.now.sha256 === state.recorded.sha256
                ? t("backup.fingerprintSame", {
                    sha: short(state.now.sha256),
                    rows: state.now.rows,
                  })
                : t("backup.fingerprintDifferent", {
                    now: short(state.now.sha256),
                    recorded: short(state.recorded.sha256),
                  })}
            </p>
          </div>
        )}
        {state.kind === "refused" && (
          <p className="notice notice--error" role="alert" data-backup-refused={state.problem.code}>
            {t("backup.refused", {
              reason: t(`backup.problems.${state.problem.code}`, { ...state.problem }),
            })}
          </p>
        )}
        {state.kind === "failed" && (
          <p className="notice notice--error" role="alert">
            {t("backup.failed", { message: state.message })}
          </p>
        )}
      </div>
    </section>
  );
}
