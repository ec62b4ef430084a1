/** Larger files are refused before reading: 200 MB is about four million rows of CSV. */
export const maxFileBytes = 200 * 1024 * 1024;

/**
 * Wider rows are refused before they are parsed into cells: no officer's table has 10,000
 * columns (a wide file with a column per month for a century has 1,200; Excel stops at 16,384).
 */
export const maxColumns = 10_000;

/** Excel's own limit on the characters of one cell; a longer cell is refused with its row and column. */
export const maxCellChars = 32_767;

/**
 * An .xlsx workbook whose sheets would unpack to more than this is refused before unpacking
 * (a "zip bomb" of a few kilobytes can declare gigabytes). A million-row sheet is about 300 MB.
 */
export const maxXlsxUnpackedBytes = 512 * 1024 * 1024;

/** At most this many findings for one structural problem (long cells, control characters) per file. */
export const maxStructuralFindings = 20;

/** Characters of a cell, column name or file name shown in a message; the rest is cut with "…". */
export const maxShownChars = 200;

/**
 * Checking a file takes, at its peak, about this many times its size in memory: the bytes, one
 * part's text and cells, the checked rows, their Arrow copy for DuckDB and the one encoded for
 * storage. Measured on a 74 MB, 1M-row CSV: the check fits a 300 MB JavaScript heap, plus about
 * 200 MB of buffers (it was 12× while files were decoded and split whole).
 */
export const memoryPerFileByte = 7;

/**
 * Whether checking a file of `bytes` would likely exceed `heapLimit` (the page's JavaScript heap
 * limit, where the browser tells it); unknown limits never warn.
 */
export function mayExceedMemory(bytes: number, heapLimit: number | null | undefined): boolean {
  return typeof heapLimit === "number" && heapLimit > 0 && bytes * memoryPerFileByte > heapLimit;
}
