import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isEmbedPath } from "@/lib/embed/embed-path";
import { useEngineStatus } from "@/lib/query/engine-status";
import { registerServiceWorker } from "./register-service-worker";
import { useUpdateOffer } from "./update-offer";

/** An engine that failed to start has no build for the offline cache to keep. */
const noEngineFiles: readonly string[] = [];

/**
 * Mounted once in the layout. Starts the service worker once the data engine has settled (see
 * registerServiceWorker) and, when a new version is installed and waiting, offers it: a small
 * notice that switches only when the user clicks, so no one loses work halfway through.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const status = useEngineStatus();
  const settled = status.phase === "ready" || status.phase === "failed";
  const engineFiles = status.phase === "ready" ? status.build.files : noEngineFiles;
  useEffect(() => {
    if (settled) void registerServiceWorker(engineFiles).catch(() => undefined);
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
