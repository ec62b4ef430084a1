import type { Catalog } from "../catalog/schema";
import { mapHeader } from "./header-map";
import type { DecimalSeparator } from "./number-format";
import type { CsvTable } from "./read-csv";
import { createRowValidator, type ValidationResult } from "./rules/row-validator";
import type { PreparedTable } from "./rules/table-layout";

export {
  createRowValidator,
  type RowChecker,
  type RowValidator,
  type ValidationResult,
} from "./rules/row-validator";
export type { PreparedTable, TableLayout } from "./rules/table-layout";

/** The columns of a simple long CSV table, mapped by header names: for scripts and tests. */
export function prepareLongTable(
  table: CsvTable,
  file: string,
  decimal: DecimalSeparator = ".",
): PreparedTable {
  const headerRow = (table.records[0]?.row ?? 2) - 1;
  return {
    file,
    header: table.header,
    headerRow,
    columns: mapHeader(table.header),
    constants: {},
    records: table.records,
    periodColumns: [],
    decimal,
  };
}

/**
 * Checks a prepared table against the catalog. Every finding names the file, the spreadsheet
 * row and the column, so the officer can go straight to the cell.
 */
export function validatePrepared(
  catalog: Catalog,
  table: PreparedTable,
  onProgress?: (fraction: number) => void,
): ValidationResult {
  const validator = createRowValidator(catalog, table);
  const batch = 20_000;
  for (let start = 0; start < table.records.length; start += batch) {
    onProgress?.(start / table.records.length);
    validator.add(table.records.slice(start, start + batch));
  }
  return validator.finish();
}

/** Validates a simple long CSV table whose header names the columns. */
export function validateObservations(
  catalog: Catalog,
  table: CsvTable,
  file: string,
): ValidationResult {
  return validatePrepared(catalog, prepareLongTable(table, file));
}
