import type { Catalog } from "../../catalog/schema";
import type { Finding } from "../findings";
import {
  type FilePlace,
  type IntakeOptions,
  type IntakeResult,
  intakeResult,
} from "../intake-result";
import type { NumberFormat } from "../number-format";
import type { ReadTable } from "../read-csv-in-parts";
import type { ValidationResult } from "../rules/row-validator";
import { observationFindings } from "./observation-findings";
import { seriesWarnings } from "./series-warnings";

/** A table of observations whose rows are checked. */
export interface CheckedTable {
  shown: ReadTable;
  numberFormat: NumberFormat;
  checked: ValidationResult;
}

/** The last stage: plausibility over the checked rows, then the result with every finding. */
export async function finishObservations(
  catalog: Catalog,
  file: string,
  place: FilePlace,
  notes: readonly Finding[],
  table: CheckedTable,
  options: IntakeOptions,
): Promise<IntakeResult> {
  const { shown, numberFormat, checked } = table;
  const warnings = await seriesWarnings(catalog, file, checked.observations, options.history);
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
    observationFindings(file, notes, shown, numberFormat, checked, warnings),
  );
}
