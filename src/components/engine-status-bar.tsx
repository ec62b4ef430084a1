import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format/format-value";
import { useLanguage } from "@/lib/i18n/use-language";
import { usePublishedAt } from "@/lib/offline/published-at";
import { useOnline } from "@/lib/offline/use-online";
import { useEngineStatus } from "@/lib/query/engine-status";

/**
 * Always says what the data engine is doing; a failure is a readable message, never a blank page.
 * Offline it also says that the data shown are this machine's copy, and of when.
 */
export function EngineStatusBar() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const status = useEngineStatus();
  const online = useOnline();
  // The release on screen says when it was published; without releases, the build's data do.
  const release = status.phase === "ready" ? status.release : null;
  const buildPublishedAt = usePublishedAt(!online && !release);
  const publishedAt = release ? new Date(release.date) : buildPublishedAt;
  const recovery = status.recovery ?? null;
  const text =
    status.phase === "ready"
      ? t("engine.ready", {
          version: status.version,
          build:
            status.build.name === "coi"
              ? t("engine.buildThreaded", { count: status.build.threads })
              : t("engine.buildSingle"),
        })
      : status.phase === "failed"
        ? t(status.stage === "engine" ? "engine.failed" : "engine.dataFailed", {
            message: status.message,
          })
        : recovery
          ? t("engine.restarting", { message: recovery.message })
          : t("engine.loading");
  return (
    <output
      className={`engine-status engine-status--${status.phase}`}
      data-engine={status.phase}
      data-engine-build={status.phase === "ready" ? status.build.name : undefined}
      data-engine-threads={status.phase === "ready" ? status.build.threads : undefined}
      data-engine-restarts={recovery?.restarts ?? 0}
      aria-live="polite"
    >
      {text}
      {status.phase === "ready" && recovery && ` · ${t("engine.restarted")}`}
      {!online && (
        <span className="engine-status__offline" data-offline>
          {publishedAt
            ? t("offline.savedData", { date: formatDate(publishedAt, language, "long") })
            : t("offline.savedDataUndated")}
        </span>
      )}
    </output>
  );
}
