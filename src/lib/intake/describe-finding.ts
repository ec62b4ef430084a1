import type { TFunction } from "i18next";
import type { Finding } from "./findings";
import type { Fix } from "./fix-log";

/** One line an officer can act on: where, what, and what to do, in the user's language. */
export function describeFinding(finding: Finding, t: TFunction): string {
  const where =
    finding.row === undefined
      ? t("validation.whereFile", { file: finding.file })
      : finding.column === undefined
        ? t("validation.whereRow", { file: finding.file, row: finding.row })
        : t("validation.where", { file: finding.file, row: finding.row, column: finding.column });
  const value =
    finding.value === undefined ? "" : ` (${t("validation.value", { value: finding.value })})`;
  const message = t(`validation.codes.${finding.code}.message`, finding.detail ?? {});
  const action = t(`validation.codes.${finding.code}.action`);
  return `${t(`validation.severity.${finding.severity}`)} · ${where}${value}: ${message} ${action}`;
}

/** A silent fix made visible: what changed, where first, and how often. */
export function describeFix(fix: Fix, t: TFunction): string {
  return t(`fixes.${fix.kind}`, {
    column: fix.column,
    from: fix.from,
    to: fix.to,
    count: fix.count,
    firstRow: fix.firstRow,
  });
}
