import { dimensionNames } from "../catalog/schema";
import { observationColumns } from "../observations/columns";

/*
 * Every table the app keeps in DuckDB, in one place: names, column order, and for each kind of
 * data officers submit, the tables a submission passes through and the key a diff compares.
 */

export const observationsTable = "observations";

/** Column order of the table and of published Parquet files. */
export const tableColumns = [
  "indicator_id",
  "period",
  "time",
  ...observationColumns.slice(2),
] as const;

export const fundingTable = "funding";
export const fundingTableColumns = [
  "commitment_id",
  "donor",
  "programme",
  "currency",
  "amount_committed",
  "amount_disbursed",
  "period",
  "time",
  "iati_identifier",
  "note",
] as const;

/**
 * A kind of data officers submit: its tables, its columns, the scope a submission restates, the
 * key of one row and the value a diff compares.
 */
export interface Dataset {
  kind: "observations" | "funding";
  /** What everyone reads. */
  effective: string;
  /** The published data the app was built with. */
  base: string;
  /** Accepted submissions' rows, each tagged with the submission's sequence number. */
  submitted: string;
  /** A file being checked, before it is accepted. */
  staged: string;
  columns: readonly string[];
  /** A submission replaces, whole, every scope (e.g. indicator-period) it covers. */
  scope: readonly string[];
  key: readonly string[];
  /** Key columns that may be NULL (compared with IS NOT DISTINCT FROM). */
  nullableKey: readonly string[];
  value: string;
  order: string;
}

export const observationsDataset: Dataset = {
  kind: "observations",
  effective: "observations",
  base: "base_observations",
  submitted: "submitted_observations",
  staged: "staged_observations",
  columns: tableColumns,
  scope: ["indicator_id", "period"],
  key: ["indicator_id", "period", ...dimensionNames],
  nullableKey: dimensionNames,
  value: "value",
  order: "indicator_id, time",
};

/** A donor's funding file restates that donor's funding for the periods it covers. */
export const fundingDataset: Dataset = {
  kind: "funding",
  effective: "funding",
  base: "base_funding",
  submitted: "submitted_funding",
  staged: "staged_funding",
  columns: fundingTableColumns,
  scope: ["donor", "period"],
  key: ["commitment_id", "donor", "programme", "currency", "period"],
  nullableKey: ["programme"],
  value: "amount_committed",
  order: "commitment_id, donor, time",
};

export const datasets = { observations: observationsDataset, funding: fundingDataset } as const;
