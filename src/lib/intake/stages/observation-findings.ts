import type { ReadTable } from "../check-rows-in-parts";
import type { Finding } from "../findings";
import type { NumberFormat } from "../number-format";
import type { ValidationResult } from "../rules/row-validator";
import { duplicateColumns, numberFormatFinding } from "./column-findings";

/**
 * The findings of a checked table of observations, in the order the officer reads them: how the
 * file was read, its shape and number format, its columns, then its rows.
 */
export function observationFindings(
  file: string,
  notes: readonly Finding[],
  shown: ReadTable,
  numberFormat: NumberFormat,
  checked: ValidationResult,
): Finding[] {
  const { header, headerRow, columns, periodColumns } = shown;
  const reshaped: Finding[] =
    periodColumns.length > 0
      ? [
          {
            severity: "info",
            code: "reshaped_wide",
            file,
            row: headerRow,
            detail: { columns: periodColumns.length },
          },
        ]
      : [];
  return [
    ...notes,
    ...reshaped,
    numberFormatFinding(file, numberFormat),
    ...duplicateColumns(file, header, headerRow, columns, periodColumns),
    ...checked.findings,
  ];
}
