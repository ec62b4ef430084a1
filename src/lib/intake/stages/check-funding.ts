import type { Catalog } from "../../catalog/schema";
import { mapFundingHeader } from "../../funding/funding-header";
import { validateFunding } from "../../funding/validate-funding";
import { numberFormatSample } from "../column-layout";
import type { Finding } from "../findings";
import type { IntakeResult } from "../intake-result";
import type { LocatedTable } from "../locate-table";
import { detectNumberFormat } from "../number-format";
import type { Delimiter } from "../read-csv";
import { duplicateColumns, numberFormatFinding } from "./column-findings";

/** A donor's funding table: its own columns and rules (src/lib/funding), its own rows. */
export function checkFunding(
  catalog: Catalog,
  file: string,
  table: LocatedTable,
  delimiter: Delimiter | null,
): { known: Partial<IntakeResult>; findings: Finding[] } {
  const fundingColumns = mapFundingHeader(table.header);
  const amounts = fundingColumns.flatMap((c, i) =>
    c === "amount_committed" || c === "amount_disbursed" ? [i] : [],
  );
  const numberFormat = detectNumberFormat(
    table.records.slice(0, numberFormatSample).flatMap((r) => amounts.map((i) => r.cells[i] ?? "")),
    delimiter,
  );
  const funding = validateFunding(catalog, {
    file,
    header: table.header,
    headerRow: table.headerRow,
    columns: fundingColumns,
    records: table.records,
    decimal: numberFormat.decimal,
  });
  return {
    known: {
      header: table.header,
      headerRow: table.headerRow,
      kind: "funding",
      funding: funding.records,
    },
    findings: [
      numberFormatFinding(file, numberFormat),
      ...duplicateColumns(file, table.header, table.headerRow, fundingColumns),
      ...funding.findings,
    ],
  };
}
