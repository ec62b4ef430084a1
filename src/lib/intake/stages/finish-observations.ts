import type { ReadTable } from "../check-rows-in-parts";
import type { Finding } from "../findings";
import {
  type FilePlace,
  type IntakeOptions,
  type IntakeResult,
  intakeResult,
} from "../intake-result";
import type { NumberFormat } from "../number-format";
import type { ValidationResult } from "../rules/row-validator";
import { observationFindings } from "./observation-findings";

/** A table of observations whose rows are checked. */
export interface CheckedTable {
  shown: ReadTable;
  numberFormat: NumberFormat;
  checked: ValidationResult;
}

/**
 * The last stage: the result with every finding. Plausibility (src/lib/plausibility) runs after,
 * in DuckDB, once the rows are staged beside the accepted data.
 */
export function finishObservations(
  file: string,
  place: FilePlace,
  notes: readonly Finding[],
  table: CheckedTable,
  options: IntakeOptions,
): IntakeResult {
  const { shown, numberFormat, checked } = table;
  options.onProgress?.(1);
  return intakeResult(
    file,
    {
      ...place,
      header: shown.header,
      headerRow: shown.headerRow,
      columns: shown.columns,
      fixes: checked.fixes,
      observations: checked.observations,
    },
    observationFindings(file, notes, shown, numberFormat, checked),
  );
}
