import { useTranslation } from "react-i18next";
import { useEngineStatus } from "@/lib/db/engine-status";

/** Always says what the data engine is doing; a failure is a readable message, never a blank page. */
export function EngineStatusBar() {
  const { t } = useTranslation();
  const status = useEngineStatus();
  const text =
    status.phase === "ready"
      ? t("engine.ready", { version: status.version })
      : status.phase === "failed"
        ? t(status.stage === "engine" ? "engine.failed" : "engine.dataFailed", {
            message: status.message,
          })
        : t("engine.loading");
  return (
    <output
      className={`engine-status engine-status--${status.phase}`}
      data-engine={status.phase}
      aria-live="polite"
    >
      {text}
    </output>
  );
}
