import { columnLetter } from "../check-grid";
import type { Finding } from "../findings";
import type { NumberFormat } from "../number-format";

/** How numbers were read; a guess is a warning the officer confirms. */
export function numberFormatFinding(file: string, format: NumberFormat): Finding {
  return {
    severity: format.guessed ? "warning" : "info",
    code: format.guessed ? "number_format_guessed" : "number_format",
    file,
    detail: { decimal: format.decimal },
  };
}

/**
 * Canonical columns that more than one header cell maps to (e.g. «valor» and «value»): which one
 * holds the data cannot be guessed, so each later one is an error naming the first.
 */
export function duplicateColumns(
  file: string,
  header: readonly string[],
  headerRow: number,
  columns: readonly (string | null)[],
  skip: readonly number[] = [],
): Finding[] {
  const first = new Map<string, number>();
  const skipped = new Set(skip);
  const findings: Finding[] = [];
  const name = (i: number) => header[i] || columnLetter(i);
  columns.forEach((column, i) => {
    if (column === null || skipped.has(i)) return;
    const earlier = first.get(column);
    if (earlier === undefined) first.set(column, i);
    else
      findings.push({
        severity: "error",
        code: "duplicate_column",
        file,
        row: headerRow,
        column: name(i),
        detail: { column, first: name(earlier) },
      });
  });
  return findings;
}
