import type { Deriver } from "./deriver";
import { type TidyRow, tidyCsv } from "./tidy-csv";
import {
  countCell,
  hondurasRecords,
  type UnhcrRecord,
  type UnhcrTable,
  unhcrFrame,
  unhcrSource,
  yearCell,
} from "./unhcr-tables";

/** People displaced inside Honduras (`coo_iso` = `coa_iso` = HND): one row for each year the table has. */
export function displacedInside(
  records: readonly UnhcrRecord[],
  column: string,
  indicatorId: string,
): TidyRow[] {
  const byYear = new Map<number, number>();
  for (const r of records)
    if (r.coo_iso === "HND" && r.coa_iso === "HND")
      byYear.set(yearCell(r), (byYear.get(yearCell(r)) ?? 0) + countCell(r, column));
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, value]) => ({
      indicator_id: indicatorId,
      period: String(year),
      value,
      obs_status: "normal",
      source: unhcrSource,
    }));
}

function insideDeriver(indicatorId: string, table: UnhcrTable, column: string): Deriver {
  return {
    output: `${indicatorId}.csv`,
    sources: [unhcrSource],
    derive: async () =>
      tidyCsv(displacedInside(hondurasRecords(unhcrFrame(table)), column, indicatorId)),
  };
}

/** UNHCR's own figure (population table, `idps`). */
export const idpsInHondurasUnhcr = insideDeriver("idps-in-honduras-unhcr", "population", "idps");
/** IDMC's figure for conflict and violence, as the package republishes it (`idmc`, `total`). */
export const idpsInHondurasIdmc = insideDeriver("idps-in-honduras-idmc", "idmc", "total");
