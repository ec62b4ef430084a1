/**
 * Whether a cell's number format shows a date. Workbooks store dates as numbers (days since the
 * workbook's epoch); only the cell style's number format tells a date from a count.
 */

/** Built-in formats that show dates or times in every locale, and in the Chinese, Japanese, Korean and Thai ones. */
const builtInDateFormats: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

const dateTokens: ReadonlySet<string> = new Set([
  "s",
  "ss",
  "m",
  "mm",
  "h",
  "hh",
  "am",
  "pm",
  "a",
  "p",
  "d",
  "dd",
  "ddd",
  "dddd",
  "aaa",
  "aaaa",
  "aaaaa",
  "mmm",
  "mmmm",
  "mmmmm",
  "y",
  "yy",
  "yyyy",
  "e",
  "ee",
  "eeee",
]);

/**
 * One section of a format code (sections are split by ";") shows a date when, once quoted text,
 * escaped characters and bracketed prefixes ([Red], [$-409]) are gone, every letter group left is
 * a date token. A digit placeholder (0 # ?) or % makes it a number format: better to show a date
 * as its number than a count as a date.
 */
function sectionShowsDate(section: string): boolean {
  const tokens = section
    .replace(/"[^"]*"/g, " ")
    .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, "$1")
    .replace(/\[([smhd]{1,2})\]/g, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .split(/[^a-z0#?%]+/)
    .filter((token) => token !== "");
  return tokens.length > 0 && tokens.every((token) => dateTokens.has(token));
}

/** Whether a custom format code such as "dd/mm/yyyy;@" shows a date. */
export function isDateFormatCode(code: string): boolean {
  return code
    .toLowerCase()
    .replace(/;@$/, "")
    .replace(/\\./g, " ")
    .split(";")
    .some(sectionShowsDate);
}

/** Whether the number format `id` (with its custom code, if the workbook defines one) shows a date. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  return builtInDateFormats.has(id) || (code !== undefined && isDateFormatCode(code));
}
