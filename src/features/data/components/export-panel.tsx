import { useState } from "react";
import { useTranslation } from "react-i18next";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { download } from "@/lib/download";
import { bundledSources } from "@/lib/observations/bundled-sources";
import { exportBundle, exportOpenSdg } from "@/lib/officer-tools/export-bundle";
import { useReadyEngine } from "@/lib/query/engine-status";
import { exportableObservations } from "@/lib/sdmx/engine-observations";
import { keptArtefacts } from "@/lib/sdmx/kept-artefacts";
import { refText } from "@/lib/sdmx/schema";
import { sdmxZip } from "@/lib/sdmx/sdmx-zip";

const { mapping, sdgStructure, nationalStructure } = keptArtefacts;

/** Everything accepted, as Parquet with a manifest (to publish), as Open SDG CSVs or as SDMX-CSV. */
export function ExportPanel() {
  const { t } = useTranslation();
  const ready = useReadyEngine();
  const [busy, setBusy] = useState(false);
  const stamp = new Date().toISOString().slice(0, 10);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="export-heading" className="panel">
      <h2 id="export-heading">{t("tools.export")}</h2>
      <p>{t("tools.exportIntro")}</p>
      <p>
        <button
          type="button"
          disabled={!ready || busy}
          onClick={() =>
            void run(async () => {
              if (!ready) return;
              const zip = await exportBundle(
                ready.engine,
                ready.parquet,
                catalog,
                await ready.store.list(),
                new Date(),
              );
              download(`gcm-monitor-export-${stamp}.zip`, zip, "application/zip");
            })
          }
        >
          {t("tools.exportParquet")}
        </button>{" "}
        <button
          type="button"
          disabled={!ready || busy}
          onClick={() =>
            void run(async () => {
              if (!ready) return;
              download(
                `gcm-monitor-open-sdg-${stamp}.zip`,
                await exportOpenSdg(ready.engine),
                "application/zip",
              );
            })
          }
        >
          {t("tools.exportOpenSdg")}
        </button>{" "}
        <button
          type="button"
          disabled={!ready || busy}
          onClick={() =>
            void run(async () => {
              if (!ready) return;
              const { zip } = await sdmxZip(
                await exportableObservations(ready.engine),
                catalog,
                keptArtefacts,
                bundledSources,
                new Date(),
              );
              download(`gcm-monitor-sdmx-${stamp}.zip`, zip, "application/zip");
            })
          }
        >
          {t("tools.exportSdmx")}
        </button>
      </p>
      <p className="muted">
        {t("tools.exportSdmxNote", {
          sdg: refText(mapping.sdg.dataflow),
          sdgStructure: refText(sdgStructure),
          national: refText(mapping.national.dataflow),
          nationalStructure: refText(nationalStructure),
        })}
      </p>
    </section>
  );
}
