import { dimensionNames } from "../catalog/schema";
import type { Dataset } from "../tables/table-descriptors";

/**
 * The release a bundle would make: the published data (the dataset's base table, never the
 * approver's own accepted files) with the bundle's submissions laid over it by the same rule as
 * accepting (the latest submission replaces each scope it covers), in tables of its own.
 */
export function proposalDataset(d: Dataset): Dataset {
  return {
    ...d,
    effective: `proposal_${d.kind}`,
    submitted: `proposal_submitted_${d.kind}`,
    staged: `proposal_staged_${d.kind}`,
  };
}

/** Demo rows are never part of a release, whatever the approver's page shows. */
const real = (alias: string) => `${alias}.obs_status IS DISTINCT FROM 'illustrative'`;

/**
 * Every observation the release adds, revises or removes against what is published: a full
 * outer join on the observation's key (indicator, period and every dimension; blank = total).
 */
export function releaseChangesSql(published: string, proposed: string): string {
  const key = ["indicator_id", "period", ...dimensionNames];
  const on = key.map((c) => `b.${c} IS NOT DISTINCT FROM p.${c}`).join(" AND ");
  const pick = key.map((c) => `coalesce(p.${c}, b.${c}) AS ${c}`).join(", ");
  return [
    `SELECT ${pick}, b.value AS old_value, p.value AS new_value,`,
    `CASE WHEN b.indicator_id IS NULL THEN 'added' WHEN p.indicator_id IS NULL THEN 'removed' ELSE 'revised' END AS kind`,
    `FROM (SELECT * FROM ${published} b WHERE ${real("b")}) b`,
    `FULL OUTER JOIN (SELECT * FROM ${proposed} p WHERE ${real("p")}) p ON ${on}`,
    `WHERE b.indicator_id IS NULL OR p.indicator_id IS NULL OR b.value IS DISTINCT FROM p.value`,
    `ORDER BY indicator_id, coalesce(p.time, b.time), kind`,
  ].join("\n");
}
