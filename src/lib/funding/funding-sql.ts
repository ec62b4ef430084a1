import type { SqlQuery } from "../observations/series-sql";
import { fundingTable } from "../tables/table-descriptors";
import { illustrativeFundingNote } from "./funding-columns";

/**
 * Funding per commitment, donor and currency (amounts are never added across currencies):
 * committed, disbursed, the periods covered, the programmes, and whether any of it is the demo
 * dataset's illustrative funding (every such row's note starts with the marker).
 */
export function buildFundingByCommitmentSql(donor: string | null): SqlQuery {
  return {
    sql: `SELECT commitment_id, donor, currency, sum(amount_committed) AS committed, sum(amount_disbursed) AS disbursed, min(period) AS first_period, max(period) AS last_period, string_agg(DISTINCT programme, ' · ') AS programmes, string_agg(DISTINCT iati_identifier, ' · ') AS iati, bool_or(starts_with(coalesce(note, ''), ?)) AS illustrative FROM ${fundingTable}${donor === null ? "" : " WHERE donor = ?"} GROUP BY commitment_id, donor, currency ORDER BY commitment_id, donor, currency`,
    params: donor === null ? [illustrativeFundingNote] : [illustrativeFundingNote, donor],
  };
}

export function buildDonorsSql(): SqlQuery {
  return { sql: `SELECT DISTINCT donor FROM ${fundingTable} ORDER BY donor`, params: [] };
}
