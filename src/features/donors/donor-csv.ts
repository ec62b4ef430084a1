import type { TFunction } from "i18next";
import Papa from "papaparse";
import { findCommitment } from "@/lib/catalog/bundled-catalog";
import type { LocalizedText } from "@/lib/catalog/schema";
import { neutraliseCell } from "@/lib/format/neutralise-cell";
import type { FundedCommitment } from "@/lib/funding/funding-progress";

/**
 * The donor view as CSV, one row per commitment, donor and currency; formula-like cells
 * neutralised. Each row says where its funding and its indicators' data come from.
 */
export function donorCsv(
  rows: readonly FundedCommitment[],
  t: TFunction,
  local: (text: LocalizedText) => string,
  dataSources: (row: FundedCommitment) => string,
): string {
  return Papa.unparse({
    fields: [
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
    ],
    data: rows.map((r) =>
      [
        r.commitment_id,
        local(
          findCommitment(r.commitment_id)?.title ?? { es: r.commitment_id, en: r.commitment_id },
        ),
        r.donor,
        r.programmes,
        r.currency,
        String(r.committed),
        String(r.disbursed),
        r.disbursementRate === null ? "" : r.disbursementRate.toFixed(3),
        t(`status.${r.progress.status}`),
        String(r.progress.withData),
        String(r.progress.total),
        r.latestData ?? "",
        t(r.illustrative ? "donors.fundingIllustrative" : "donors.fundingReal"),
        dataSources(r),
      ].map(neutraliseCell),
    ),
  });
}
