/** The quarter (1–4) a month (1–12) falls in. */
export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

/** The months (1–12) of a quarter (1–4). */
export function monthsOfQuarter(quarter: number): [number, number, number] {
  const first = (quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2];
}

/** The canonical period code, as src/lib/observations/period.ts writes it: `2024-Q3`. */
export function quarterCode(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}

/** The day after a quarter ends, as an ISO date (`2026-04-01` for 2026-Q1). */
export function dayAfterQuarter(year: number, quarter: number): string {
  return quarter === 4
    ? `${year + 1}-01-01`
    : `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-01`;
}
