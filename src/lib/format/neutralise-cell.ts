/** Cells a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe. */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
