import type { Periodicity } from "../catalog/schema";
import { parsePeriod } from "../observations/period";

const dayMs = 86_400_000;

/**
 * Days after a period ends by which its figures are due. Working assumptions, stated on screen:
 * a quarter's administrative figures within 45 days; a month's within 30; a year's within 180
 * (about six months), since annual surveys and international series are compiled and published
 * in the first half of the following year. A period with nothing reported is late once its due
 * date has passed, pending until then.
 */
export const reportingDelayDays: Record<Periodicity, number> = {
  monthly: 30,
  quarterly: 45,
  annual: 180,
};

/** The order officers meet periodicities in: quarterly first (what they report most), then annual, then monthly. */
export const periodicityOrder: readonly Periodicity[] = ["quarterly", "annual", "monthly"];

/** How far back the completeness view looks: the last 12 months, 8 quarters or 5 years. */
export const periodsShown: Record<Periodicity, number> = { monthly: 12, quarterly: 8, annual: 5 };

/** Periods as a running count (years, quarters or months since year 0), to step back and forth. */
function toIndex(periodicity: Periodicity, year: number, part = 1): number {
  if (periodicity === "annual") return year;
  return periodicity === "quarterly" ? year * 4 + part - 1 : year * 12 + part - 1;
}

function fromIndex(periodicity: Periodicity, index: number): string {
  if (periodicity === "annual") return String(index);
  if (periodicity === "quarterly") return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The first instant after a period (UTC): 2024 → 2025-01-01, 2024-Q3 → 2024-10-01, 2024-07 → 2024-08-01. */
export function periodEnd(code: string): Date | null {
  const parsed = parsePeriod(code);
  if (!parsed.ok) return null;
  const { periodicity, year, part = 1 } = parsed.period;
  const firstMonthAfter =
    periodicity === "annual" ? 12 : periodicity === "quarterly" ? part * 3 : part;
  return new Date(Date.UTC(year, firstMonthAfter, 1));
}

/** When a period's figures are due: its end plus the reporting delay of its periodicity. */
export function dueDate(code: string): Date | null {
  const parsed = parsePeriod(code);
  const end = periodEnd(code);
  if (!parsed.ok || end === null) return null;
  return new Date(end.getTime() + reportingDelayDays[parsed.period.periodicity] * dayMs);
}

/** The last period of a periodicity that has ended by `today`: last year, last quarter, last month. */
export function lastEndedPeriod(periodicity: Periodicity, today: Date): string {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  const current =
    periodicity === "annual"
      ? toIndex("annual", year)
      : periodicity === "quarterly"
        ? toIndex("quarterly", year, Math.ceil(month / 3))
        : toIndex("monthly", year, month);
  return fromIndex(periodicity, current - 1);
}

/** The n periods up to and including `last`, oldest first, of `last`'s own periodicity. */
export function periodsUpTo(last: string, n: number): string[] {
  const parsed = parsePeriod(last);
  if (!parsed.ok) return [];
  const { periodicity, year, part } = parsed.period;
  const end = toIndex(periodicity, year, part);
  return Array.from({ length: n }, (_, i) => fromIndex(periodicity, end - n + 1 + i));
}

/** The ended periods the completeness view expects figures for, oldest first. */
export function expectedPeriods(periodicity: Periodicity, today: Date): string[] {
  return periodsUpTo(lastEndedPeriod(periodicity, today), periodsShown[periodicity]);
}
