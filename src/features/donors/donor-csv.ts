import type { TFunction } from "i18next";
import { findCommitment } from "@/lib/catalog/bundled-catalog";
import type { LocalizedText } from "@/lib/catalog/schema";
import { spreadsheetCsv } from "@/lib/format/spreadsheet-csv";
import type { FundedCommitment } from "@/lib/funding/funding-progress";
import type { Language } from "@/lib/i18n/resources";

const columns = [
  "commitment_id",
  "commitment",
  "donor",
  "programmes",
  "currency",
  "committed",
  "disbursed",
  "disbursement_rate",
  "progress",
  "indicators_with_data",
  "indicators",
  "latest_data",
  "funding_source",
  "data_sources",
] as const;

/**
 * The donor view as CSV for the user's spreadsheet (spreadsheet-csv.ts), one row per
 * commitment, donor and currency; formula-like cells neutralised. Each row says where its
 * funding and its indicators' data come from.
 */
export function donorCsv(
  rows: readonly FundedCommitment[],
  t: TFunction,
  local: (text: LocalizedText) => string,
  dataSources: (row: FundedCommitment) => string,
  language: Language,
): string {
  return spreadsheetCsv(
    language,
    columns.map((code) => ({ label: t(`donors.csv.${code}`), code })),
    rows.map((r) => [
      r.commitment_id,
      local(findCommitment(r.commitment_id)?.title ?? { es: r.commitment_id, en: r.commitment_id }),
      r.donor,
      r.programmes,
      r.currency,
      r.committed,
      r.disbursed,
      r.disbursementRate === null ? null : Number(r.disbursementRate.toFixed(3)),
      t(`status.${r.progress.status}`),
      r.progress.withData,
      r.progress.total,
      r.latestData ?? "",
      t(r.illustrative ? "donors.fundingIllustrative" : "donors.fundingReal"),
      dataSources(r),
    ]),
  );
}
