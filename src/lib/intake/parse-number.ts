import type { DecimalSeparator } from "./number-format";

/** Markers that mean "no value" in official spreadsheets; they become missing, never zero. */
export const missingMarkers = new Set([
  "",
  "..",
  "...",
  "n/d",
  "nd",
  "n.d.",
  "-",
  "—",
  "na",
  "n/a",
  "s/d",
  "nan",
  "#n/a",
]);

export type NumberParse =
  | { kind: "number"; value: number }
  | { kind: "missing" }
  | { kind: "invalid" };

const pointFormat = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?$|^[-+]?\.\d+$/;
const commaFormat = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

const missing: NumberParse = { kind: "missing" };
const invalid: NumberParse = { kind: "invalid" };
/** Plain digits, e.g. «20013»: most cells of a statistics file, read without the general rules. */
const plainInteger = /^-?\d{1,15}$/;

/** Reads a number written with the file's decimal separator; thousands separators are allowed. */
export function parseNumber(text: string, decimal: DecimalSeparator = "."): NumberParse {
  if (text === "") return missing;
  if (plainInteger.test(text)) return { kind: "number", value: Number(text) };
  const trimmed = text.trim().replace(/[\s\u00a0]/g, "");
  if (missingMarkers.has(trimmed.toLowerCase())) return missing;
  const format = decimal === "." ? pointFormat : commaFormat;
  if (!format.test(trimmed)) return invalid;
  const plain =
    decimal === "." ? trimmed.replace(/,/g, "") : trimmed.replace(/\./g, "").replace(",", ".");
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: "number", value } : invalid;
}
