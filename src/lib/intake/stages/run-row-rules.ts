import type { Catalog } from "../../catalog/schema";
import type { Engine } from "../../db/engine";
import type { IntakeOptions } from "../intake-result";
import type { ValidationResult } from "../rules/row-validator";
import { checkRowsInDuckDb, createSqlRowChecker } from "../sql/check-rows-in-duckdb";
import {
  createRowValidator,
  type RowChecker,
  type TableLayout,
  validatePrepared,
} from "../validate-observations";
import type { MappedObservations } from "./mapped";

/**
 * Every row through the row rules: in JavaScript (src/lib/intake/rules), or as SQL in DuckDB
 * (src/lib/intake/sql) when asked and the table is long. Progress goes from 10% to 90%.
 */
export async function runRowRules(
  catalog: Catalog,
  mapped: MappedObservations,
  options: Pick<IntakeOptions, "onProgress" | "sqlRowRules">,
): Promise<ValidationResult> {
  const { onProgress, sqlRowRules } = options;
  onProgress?.(0.1);
  if (sqlRowRules && mapped.prepared.periodColumns.length === 0)
    return checkRowsInDuckDb(sqlRowRules, catalog, mapped.prepared);
  return validatePrepared(catalog, mapped.prepared, (fraction) =>
    onProgress?.(0.1 + fraction * 0.8),
  );
}

/** The rows of a table read in parts, checked in DuckDB when long, in JavaScript when wide. */
export function sqlRowChecker(
  catalog: Catalog,
  engine: Engine,
): (layout: TableLayout) => RowChecker {
  return (layout) =>
    layout.periodColumns.length === 0
      ? createSqlRowChecker(engine, catalog, layout)
      : createRowValidator(catalog, layout);
}
