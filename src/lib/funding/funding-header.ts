import { type FundingColumn, fundingColumns, fundingSynonyms } from "./funding-columns";

const normalise = (name: string) => name.trim().toLowerCase().replace(/\s+/g, "_");
const lookup = new Map<string, FundingColumn>(
  fundingColumns.flatMap((column) =>
    [column, ...fundingSynonyms[column]].map((name) => [normalise(name), column] as const),
  ),
);

export function mapFundingHeader(header: readonly string[]): (FundingColumn | null)[] {
  return header.map((name) => lookup.get(normalise(name)) ?? null);
}

/** A file is a funding file when its header names a donor and a commitment. */
export function isFundingHeader(header: readonly string[]): boolean {
  const columns = mapFundingHeader(header);
  return columns.includes("donor") && columns.includes("commitment_id");
}
