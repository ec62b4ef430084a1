import type { SqlQuery } from "../observations/series-sql";
import { fundingTable } from "./funding-table";

/**
 * Funding per commitment, donor and currency (amounts are never added across currencies):
 * committed, disbursed, the periods covered and the programmes.
 */
export function buildFundingByCommitmentSql(donor: string | null): SqlQuery {
  return {
    sql: `SELECT commitment_id, donor, currency, sum(amount_committed) AS committed, sum(amount_disbursed) AS disbursed, min(period) AS first_period, max(period) AS last_period, string_agg(DISTINCT programme, ' · ') AS programmes, string_agg(DISTINCT iati_identifier, ' · ') AS iati FROM ${fundingTable}${donor === null ? "" : " WHERE donor = ?"} GROUP BY commitment_id, donor, currency ORDER BY commitment_id, donor, currency`,
    params: donor === null ? [] : [donor],
  };
}

export function buildDonorsSql(): SqlQuery {
  return { sql: `SELECT DISTINCT donor FROM ${fundingTable} ORDER BY donor`, params: [] };
}
