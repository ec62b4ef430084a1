import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isEmbedPath } from "@/lib/embed/embed-path";
import { whenQuiet } from "@/lib/foreground-work";
import { useEngineStatus } from "@/lib/query/engine-status";
import { registerServiceWorker } from "./register-service-worker";
import { useUpdateOffer } from "./update-offer";

/**
 * The service worker installs once nothing the user waits for has run for this long: its first
 * install copies about 41 MB into its cache, and beside it the check of a 100,000-row file picked
 * just after the engine was ready took 1–3 s longer on two cores (README, "Offline").
 */
const quietBeforeInstall = 3000;

/** An engine that failed to start has no build for the offline cache to keep. */
const noEngineFiles: readonly string[] = [];

/**
 * Mounted once in the layout. Starts the service worker once the data engine has settled (see
 * registerServiceWorker) and no file is being checked or accepted, and, when a new version is
 * installed and waiting, offers it: a small notice that switches only when the user clicks, so no
 * one loses work halfway through.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const status = useEngineStatus();
  const settled = status.phase === "ready" || status.phase === "failed";
  const engineFiles = status.phase === "ready" ? status.build.files : noEngineFiles;
  useEffect(() => {
    if (!settled) return;
    void whenQuiet(quietBeforeInstall)
      .then(() => registerServiceWorker(engineFiles))
      .catch(() => undefined);
  }, [settled, engineFiles]);
  const applyUpdate = useUpdateOffer();
  // Inside another site's page the offer would be out of place: the dashboard itself offers it.
  if (!applyUpdate || isEmbedPath(window.location.pathname)) return null;
  return (
    <div className="update-notice" role="status" data-update-notice>
      <span>{t("update.available")}</span>
      <button type="button" className="primary" onClick={applyUpdate}>
        {t("update.apply")}
      </button>
    </div>
  );
}
