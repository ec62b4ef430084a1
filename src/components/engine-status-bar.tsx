import { useTranslation } from "react-i18next";
import { useEngineStatus } from "@/lib/db/engine-status";

/** Always says what the data engine is doing; a failure is a readable message, never a blank page. */
export function EngineStatusBar() {
  const { t } = useTranslation();
  const status = useEngineStatus();
  const recovery = status.recovery ?? null;
  const text =
    status.phase === "ready"
      ? t("engine.ready", { version: status.version })
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
      data-engine-restarts={recovery?.restarts ?? 0}
      aria-live="polite"
    >
      {text}
      {status.phase === "ready" && recovery && ` · ${t("engine.restarted")}`}
    </output>
  );
}
