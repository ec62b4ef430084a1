import { parsePeriod } from "../observations/period";

/** A header cell naming a period, e.g. `2024Q1`, `T1 2024` or the World Bank's `2011Q1 [YR2011Q1]`. */
export function isPeriodHeader(cell: string): boolean {
  const text = cell.replace(/\s*\[[^\]]*\]\s*$/, "").trim();
  return /\d{4}/.test(text) && parsePeriod(text).ok;
}

export function periodOfHeader(cell: string): string | null {
  const parsed = parsePeriod(cell.replace(/\s*\[[^\]]*\]\s*$/, "").trim());
  return parsed.ok ? parsed.period.code : null;
}

/** Indexes of the header cells that are periods, when there are enough of them to call the file wide. */
export function widePeriodColumns(header: readonly string[]): number[] {
  const columns = header.flatMap((cell, i) => (isPeriodHeader(cell) ? [i] : []));
  return columns.length >= 2 ? columns : [];
}
