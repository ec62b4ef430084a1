import type { Periodicity } from "../catalog/schema";

export interface Period {
  periodicity: Periodicity;
  year: number;
  /** Quarter 1–4 or month 1–12; absent for a year. */
  part?: number;
  /** Canonical text: `2024`, `2024-Q3` or `2024-07`. */
  code: string;
}

export type PeriodParse =
  | { ok: true; period: Period }
  | { ok: false; reason: "unparseable" | "impossible" };

const romanQuarters: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const monthNames: Record<string, number> = Object.fromEntries(
  [
    ["enero", "january", "jan", "ene"],
    ["febrero", "february", "feb"],
    ["marzo", "march", "mar"],
    ["abril", "april", "apr", "abr"],
    ["mayo", "may"],
    ["junio", "june", "jun"],
    ["julio", "july", "jul"],
    ["agosto", "august", "aug", "ago"],
    ["septiembre", "setiembre", "september", "sep", "set"],
    ["octubre", "october", "oct"],
    ["noviembre", "november", "nov"],
    ["diciembre", "december", "dec", "dic"],
  ].flatMap((names, i) => names.map((n) => [n, i + 1])),
);

const minYear = 1950;
const maxYear = 2100;

function make(periodicity: Periodicity, year: number, part?: number): PeriodParse {
  const limit = periodicity === "quarterly" ? 4 : 12;
  if (year < minYear || year > maxYear) return { ok: false, reason: "impossible" };
  if (part !== undefined && (part < 1 || part > limit)) return { ok: false, reason: "impossible" };
  const code =
    periodicity === "annual"
      ? String(year)
      : periodicity === "quarterly"
        ? `${year}-Q${part}`
        : `${year}-${String(part).padStart(2, "0")}`;
  return { ok: true, period: { periodicity, year, ...(part === undefined ? {} : { part }), code } };
}

const quarterPatterns: readonly [RegExp, (m: RegExpMatchArray) => [number, number]][] = [
  // 2024-Q3, 2024Q3, 2024 T3, 2024-T3
  [/^(\d{4})\s*[-/ ]?\s*[qt](\d)$/, (m) => [Number(m[1]), Number(m[2])]],
  // Q3 2024, T3-2024
  [/^[qt](\d)\s*[-/ ]?\s*(\d{4})$/, (m) => [Number(m[2]), Number(m[1])]],
  // III trimestre 2024, 3 trimestre 2024, 3er trimestre de 2024, quarter 3 2024
  [
    /^(iv|iii|ii|i|\d)\s*(?:er|do|ro|to|º|°|o)?\.?\s*(?:trimestre|trim\.?|quarter)\s*(?:de(?:l)?\s*)?(\d{4})$/,
    (m) => [Number(m[2]), romanQuarters[m[1] ?? ""] ?? Number(m[1])],
  ],
];

/** Normalises the period spellings officers type into `2024`, `2024-Q3` or `2024-07`. */
export function parsePeriod(input: string): PeriodParse {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^\d{4}$/.test(text)) return make("annual", Number(text));
  for (const [pattern, read] of quarterPatterns) {
    const m = text.match(pattern);
    if (m) return make("quarterly", ...read(m));
  }
  const yearMonth = text.match(/^(\d{4})[-/.](\d{1,2})$/);
  if (yearMonth) return make("monthly", Number(yearMonth[1]), Number(yearMonth[2]));
  const monthYear = text.match(/^(\d{1,2})[-/.](\d{4})$/);
  if (monthYear) return make("monthly", Number(monthYear[2]), Number(monthYear[1]));
  const named = text.match(/^([a-záéíóú]+)\.?\s*(?:de\s*)?[-/ ]?\s*(\d{4})$/);
  if (named && monthNames[named[1] ?? ""] !== undefined) {
    return make("monthly", Number(named[2]), monthNames[named[1] ?? ""]);
  }
  return { ok: false, reason: "unparseable" };
}

/** Start of the period in fractional years, so growth can be measured across periodicities. */
export function toFractionalYear(period: Period): number {
  if (period.part === undefined) return period.year;
  const parts = period.periodicity === "quarterly" ? 4 : 12;
  return period.year + (period.part - 1) / parts;
}

/** The same period one year earlier: the comparison that keeps seasonality from reading as progress. */
export function sameTimeLastYear(period: Period): Period {
  const shifted = make(period.periodicity, period.year - 1, period.part);
  return shifted.ok ? shifted.period : period;
}
