import { memo } from "react";
import { useTranslation } from "react-i18next";
import { BackupPanel } from "./backup-panel";
import { CompletenessMatrix } from "./completeness-matrix";
import { ExportPanel } from "./export-panel";
import { PlausibilityPanel } from "./plausibility-panel";
import { SendForApproval } from "./send-for-approval";
import { TemplateDownload } from "./template-download";

/**
 * The Data page's panels below the check: each reads its own queries, none takes a prop. Kept
 * apart (memo) so that a check's progress and result, which re-render the page above them, do not
 * redraw the completeness matrix and the indicator lists on the main thread while the officer waits.
 */
export const DataTools = memo(function DataTools() {
  const { t } = useTranslation();
  return (
    <>
      <SendForApproval />
      <BackupPanel />
      <h2 className="tools-heading">{t("tools.heading")}</h2>
      <TemplateDownload />
      <CompletenessMatrix />
      <PlausibilityPanel />
      <ExportPanel />
    </>
  );
});
