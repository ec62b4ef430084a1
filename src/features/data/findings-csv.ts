import type { TFunction } from "i18next";
import Papa from "papaparse";
import { neutraliseCell } from "@/lib/format/neutralise-cell";
import type { Finding } from "@/lib/intake/findings";

export { neutraliseCell };

/** All findings as CSV, in the user's language, safe to open in a spreadsheet. */
export function findingsCsv(findings: readonly Finding[], t: TFunction): string {
  const rows = findings.map((f) =>
    [
      f.file,
      t(`validation.severity.${f.severity}`),
      f.row === undefined ? "" : String(f.row),
      f.column ?? "",
      f.value ?? "",
      f.code,
      t(`validation.codes.${f.code}.message`, f.detail ?? {}),
      t(`validation.codes.${f.code}.action`),
    ].map(neutraliseCell),
  );
  return Papa.unparse({
    fields: ["file", "severity", "row", "column", "value", "code", "message", "action"],
    data: rows,
  });
}
