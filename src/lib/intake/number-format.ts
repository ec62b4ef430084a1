import type { Delimiter } from "./read-csv";

export type DecimalSeparator = "." | ",";

export interface NumberFormat {
  decimal: DecimalSeparator;
  /** True when no cell settled the question and the delimiter decided it. */
  guessed: boolean;
}

const decimalComma = /^-?\d+,\d+$|^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const decimalPoint = /^-?\d+\.\d+$|^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const commaAmbiguous = /^-?\d{1,3},\d{3}$/;
const pointAmbiguous = /^-?\d{1,3}\.\d{3}$/;

/**
 * Decides whether a file writes `3,5` or `3.5`. A cell like `3,25` or `1.234,5` settles it;
 * `1,234` alone cannot, so then the delimiter decides (`;` files come from Spanish-locale
 * Excel, which writes decimal commas) and the result is reported as a guess.
 */
export function detectNumberFormat(
  values: readonly string[],
  delimiter: Delimiter | null,
): NumberFormat {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const v = raw.trim();
    if (commaAmbiguous.test(v) || pointAmbiguous.test(v)) continue;
    if (decimalComma.test(v)) comma++;
    else if (decimalPoint.test(v)) point++;
  }
  if (comma > 0 && point === 0) return { decimal: ",", guessed: false };
  if (point > 0 && comma === 0) return { decimal: ".", guessed: false };
  const ambiguous = values.some(
    (v) => commaAmbiguous.test(v.trim()) || pointAmbiguous.test(v.trim()),
  );
  return { decimal: delimiter === ";" ? "," : ".", guessed: ambiguous || comma > 0 };
}
