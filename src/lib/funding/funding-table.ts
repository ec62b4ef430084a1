import type { ColumnValues } from "../db/columns-to-ipc";
import type { Engine } from "../db/engine";
import { arrowIpcToParquet, type ParquetWasm } from "../parquet/parquet-codec";
import { fundingTable, fundingTableColumns } from "../tables/table-descriptors";
import type { FundingRecord } from "./funding-columns";
import { illustrativeFundingNote } from "./funding-columns";

export function fundingToColumns(records: readonly FundingRecord[]): Record<string, ColumnValues> {
  const text = (pick: (r: FundingRecord) => string | null): ColumnValues => ({
    kind: "text",
    values: records.map(pick),
  });
  const number = (pick: (r: FundingRecord) => number | null): ColumnValues => ({
    kind: "number",
    values: records.map(pick),
  });
  return {
    commitment_id: text((r) => r.commitment_id),
    donor: text((r) => r.donor),
    programme: text((r) => r.programme),
    currency: text((r) => r.currency),
    amount_committed: number((r) => r.amount_committed),
    amount_disbursed: number((r) => r.amount_disbursed),
    period: text((r) => r.period),
    time: number((r) => r.time),
    iati_identifier: text((r) => r.iati_identifier),
    note: text((r) => r.note),
  };
}

export async function loadFunding(
  engine: Engine,
  records: readonly FundingRecord[],
): Promise<void> {
  await engine.exec(`DROP TABLE IF EXISTS ${fundingTable}`);
  await engine.insertColumns(fundingTable, fundingToColumns(records));
}

export async function exportFundingParquet(
  engine: Engine,
  pq: ParquetWasm,
  options: { table?: string; withoutIllustrative?: boolean } = {},
): Promise<Uint8Array> {
  // Demo funding is marked in its note (the build checks every demo row): never published.
  const where = options.withoutIllustrative
    ? ` WHERE NOT starts_with(coalesce(note, ''), '${illustrativeFundingNote}')`
    : "";
  return arrowIpcToParquet(
    pq,
    await engine.queryArrowIpc(
      `SELECT ${fundingTableColumns.join(", ")} FROM ${options.table ?? fundingTable}${where} ORDER BY commitment_id, donor, time`,
    ),
  );
}
