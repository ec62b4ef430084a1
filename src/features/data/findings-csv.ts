import type { TFunction } from "i18next";
import { spreadsheetCsv } from "@/lib/format/spreadsheet-csv";
import type { Language } from "@/lib/i18n/resources";
import { findingAction, findingMessage } from "@/lib/intake/describe-finding";
import type { Finding } from "@/lib/intake/findings";

/** All findings as the user's spreadsheet opens them, in the page's language, codes beside the words. */
export function findingsCsv(
  findings: readonly Finding[],
  t: TFunction,
  language: Language,
): string {
  return spreadsheetCsv(
    language,
    [
      { label: t("data.file"), code: "file" },
      { label: t("data.severity"), code: "severity" },
      { label: t("data.row"), code: "row" },
      { label: t("data.column"), code: "column" },
      { label: t("data.value"), code: "value" },
      { label: t("data.findingCode"), code: "code" },
      { label: t("data.message"), code: "message" },
      { label: t("data.action"), code: "action" },
    ],
    findings.map((f) => [
      f.file,
      t(`validation.severity.${f.severity}`),
      f.row ?? null,
      f.column ?? "",
      f.value ?? "",
      f.code,
      findingMessage(f, t),
      findingAction(f, t),
    ]),
  );
}
