/**
 * SQL expressions over a canonical period text (`2024`, `2024-Q3`, `2024-07`, as intake
 * normalises them; `src/lib/observations/period.ts`). Anything else gives NULL. Each expression
 * after the first reads the period's kind, computed once by `periodKindSql`: matching the text
 * again for every expression cost more than the checks themselves at a million rows.
 */

const year = (period: string) => `TRY_CAST(substr(${period}, 1, 4) AS INTEGER)`;

/** `annual`, `quarterly` or `monthly`; NULL for a text that is none of them. */
export function periodKindSql(period: string): string {
  return `CASE WHEN regexp_full_match(${period}, '\\d{4}-Q[1-4]') THEN 'quarterly' WHEN regexp_full_match(${period}, '\\d{4}') THEN 'annual' WHEN regexp_full_match(${period}, '\\d{4}-(0[1-9]|1[0-2])') THEN 'monthly' END`;
}

/** The quarter (1–4) or month (1–12) within the year; NULL for a year. */
export function periodPartSql(period: string, kind: string): string {
  return `CASE ${kind} WHEN 'quarterly' THEN TRY_CAST(substr(${period}, 7, 1) AS INTEGER) WHEN 'monthly' THEN TRY_CAST(substr(${period}, 6, 2) AS INTEGER) END`;
}

/**
 * The same period a year earlier, exactly as `sameTimeLastYear(parsePeriod(p))` answers: NULL for
 * a period it cannot read or outside 1950–2100, and 1950 itself for 1950 (there is no 1949).
 */
export function sameTimeLastYearSql(period: string, kind: string): string {
  return `CASE WHEN ${kind} IS NULL OR ${year(period)} NOT BETWEEN 1950 AND 2100 THEN NULL WHEN ${year(period)} = 1950 THEN ${period} ELSE CAST(${year(period)} - 1 AS VARCHAR) || substr(${period}, 5) END`;
}

/** The quarter or month just before (2024-Q1 → 2023-Q4, 2024-01 → 2023-12); NULL for a year. */
export function previousPeriodSql(period: string, kind: string, part: string): string {
  return `CASE ${kind} WHEN 'quarterly' THEN (CASE WHEN ${part} = 1 THEN CAST(${year(period)} - 1 AS VARCHAR) || '-Q4' ELSE substr(${period}, 1, 6) || CAST(${part} - 1 AS VARCHAR) END) WHEN 'monthly' THEN (CASE WHEN ${part} = 1 THEN CAST(${year(period)} - 1 AS VARCHAR) || '-12' ELSE substr(${period}, 1, 5) || lpad(CAST(${part} - 1 AS VARCHAR), 2, '0') END) END`;
}
