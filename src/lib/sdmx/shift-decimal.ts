/**
 * A number's text multiplied by 10^exponent without floating-point rounding, as UNIT_MULT asks
 * (`1.234` with 3 → `1234`, `5` with -2 → `0.05`). Text that is not a plain number is returned
 * unchanged for the validator to report.
 */
export function shiftDecimal(text: string, exponent: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!match || exponent === 0) return text;
  const [, sign = "", whole = "", fraction = "", power = "0"] = match;
  let digits = whole + fraction;
  let point = whole.length + Number(power) + exponent;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const decimals = digits.slice(point).replace(/0+$/, "");
  return `${sign}${integer}${decimals ? `.${decimals}` : ""}`;
}
