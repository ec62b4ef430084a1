import { unescapeWorkbookText } from "./escaped-text";

/** What the sheet XML says of one cell. */
export interface RawCell {
  /** The `t` attribute: s (shared string), inlineStr, str (formula text), b, e, d, n; n when absent. */
  type: string;
  /** The `s` attribute: the cell style's index, 0 when absent. */
  style: number;
  /** The text of `<v>`, or null when the cell has none. */
  value: string | null;
  /** The text of `<is>`, or null when the cell has none. */
  inline: string | null;
}

/** What a cell's text depends on besides the cell: the workbook's strings, styles and date system. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** Whether each cell style's number format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const dayMs = 86_400_000;
/** Serial day of 1970-01-01 in the 1900 date system (which counts a 29 February 1900 that never was). */
const unixEpochSerial = 25_569;
/** Days from the 1900 system's epoch to the 1904 system's. */
const offset1904 = 1_462;

/** An Excel serial day as an ISO date ("2031-03-31"), or null when it is no real date. */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  const days = serial + (date1904 ? offset1904 : 0) - unixEpochSerial;
  const date = new Date(Math.floor(days * dayMs));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

function numberText(raw: string, isDate: boolean, date1904: boolean): string {
  const number = Number(raw);
  if (raw.trim() === "" || Number.isNaN(number)) return raw.trim();
  return (isDate ? serialToIsoDate(number, date1904) : null) ?? String(number);
}

/**
 * A cell as the text the intake reads: strings trimmed, numbers as JavaScript writes them,
 * dates as ISO days, booleans as "true"/"false", error values (#N/A) empty.
 * Throws when the cell points at a shared string the workbook lacks, or has an unknown type.
 */
export function cellText(cell: RawCell, context: CellContext): string {
  const value = cell.value ?? "";
  switch (cell.type) {
    case "s": {
      if (value === "") return "";
      const text = context.sharedStrings[Number(value)];
      if (text === undefined) throw new Error(`shared string ${value} missing`);
      return text.trim();
    }
    case "inlineStr":
      return unescapeWorkbookText(cell.inline ?? "").trim();
    case "str":
      return unescapeWorkbookText(value).trim();
    case "b":
      return value === "1" ? "true" : value === "0" ? "false" : value.trim();
    case "e":
      return "";
    case "d": {
      if (value === "") return "";
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value.trim() : date.toISOString().slice(0, 10);
    }
    case "n":
      return numberText(value, context.dateStyles[cell.style] === true, context.date1904);
    default:
      throw new Error(`unknown cell type "${cell.type}"`);
  }
}
