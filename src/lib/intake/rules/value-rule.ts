import type { Indicator } from "../../catalog/schema";
import type { Finding } from "../findings";
import type { DecimalSeparator } from "../number-format";
import { type NumberParse, parseNumber } from "../parse-number";
import { type Cell, cellPlace } from "./cell";

/** A value outside the indicator's limits (minimum, maximum, whole counts), or null. */
export function valueProblem(
  indicator: Indicator,
  value: number,
): Pick<Finding, "code" | "detail"> | null {
  const { min, max, integer } = indicator.limits;
  if (min !== undefined && value < min) return { code: "below_minimum", detail: { min } };
  if (max !== undefined && value > max) return { code: "above_maximum", detail: { max } };
  if (integer && !Number.isInteger(value)) return { code: "fractional_count" };
  return null;
}

/**
 * The value must be a number in the file's decimal convention, within the indicator's limits;
 * an empty or «n/d» value is a missing value, listed for information.
 */
export function checkValue(
  file: string,
  row: number,
  cell: Cell,
  decimal: DecimalSeparator,
  indicator: Indicator | undefined,
  findings: Finding[],
): NumberParse {
  const number = parseNumber(cell.text, decimal);
  if (number.kind === "invalid")
    findings.push({ severity: "error", code: "non_numeric_value", ...cellPlace(file, row, cell) });
  else if (number.kind === "missing")
    findings.push({ severity: "info", code: "missing_value", ...cellPlace(file, row, cell) });
  else if (indicator) {
    const problem = valueProblem(indicator, number.value);
    if (problem) findings.push({ severity: "error", ...problem, ...cellPlace(file, row, cell) });
  }
  return number;
}
