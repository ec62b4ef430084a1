import { type Catalog, dimensionNames, type Periodicity } from "../catalog/schema";
import { parsePeriod } from "../observations/period";
import { lastEndedPeriod, periodsUpTo } from "./reporting-periods";

export const templateColumns = [
  "indicator_id",
  "period",
  "value",
  ...dimensionNames,
  "source",
  "note",
] as const;

/** The periods, among some, written the way an indicator of this periodicity is reported. */
export function periodsOfPeriodicity(
  periods: readonly string[],
  periodicity: Periodicity,
): string[] {
  return periods.filter((p) => {
    const parsed = parsePeriod(p);
    return parsed.ok && parsed.period.periodicity === periodicity && parsed.period.code === p;
  });
}

/**
 * The rows an officer fills in for some indicators and periods: for each, the total and one row
 * per allowed code of each disaggregation, with the value left blank. Each indicator takes only
 * the periods of its own periodicity (an annual source gets `2025`, never `2025-Q3`), so one
 * template can cover quarterly and annual indicators at once.
 */
export function templateRows(
  catalog: Catalog,
  indicatorIds: readonly string[],
  periods: readonly string[],
): string[][] {
  const rows: string[][] = [];
  for (const id of indicatorIds) {
    const indicator = catalog.indicators.find((i) => i.id === id);
    if (!indicator) continue;
    for (const period of periodsOfPeriodicity(periods, indicator.periodicity)) {
      const blank = () =>
        templateColumns.map((c) => (c === "indicator_id" ? id : c === "period" ? period : ""));
      rows.push(blank());
      for (const dimension of dimensionNames) {
        for (const code of indicator.disaggregations[dimension] ?? []) {
          const row = blank();
          row[templateColumns.indexOf(dimension)] = code;
          rows.push(row);
        }
      }
    }
  }
  return rows;
}

/** The allowed codes of every disaggregation of some indicators, for the template's second sheet. */
export function codeListRows(
  catalog: Catalog,
  indicatorIds: readonly string[],
  language: "es" | "en",
): string[][] {
  return indicatorIds.flatMap((id) => {
    const indicator = catalog.indicators.find((i) => i.id === id);
    if (!indicator) return [];
    return Object.entries(indicator.disaggregations).flatMap(([dimension, codes]) =>
      (codes ?? []).map((code) => {
        const label = catalog.dimensions
          .find((d) => d.id === dimension)
          ?.codes.find((c) => c.code === code)?.label;
        return [id, dimension, code, label ? label[language] : code];
      }),
    );
  });
}

/** The quarter an officer is reporting now: the last one that has ended. */
export function lastEndedQuarter(today: Date): string {
  return lastEndedPeriod("quarterly", today);
}

/** The n quarters up to and including `last`, oldest first. */
export function quartersUpTo(last: string, n: number): string[] {
  return /^\d{4}-Q[1-4]$/.test(last) ? periodsUpTo(last, n) : [];
}
