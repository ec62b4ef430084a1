import { type Catalog, dimensionNames } from "../catalog/schema";

export const templateColumns = [
  "indicator_id",
  "period",
  "value",
  ...dimensionNames,
  "source",
  "note",
] as const;

/**
 * The rows an officer fills in for some indicators and periods: for each, the total and one row
 * per allowed code of each disaggregation, with the value left blank.
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
    for (const period of periods) {
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
  const quarter = Math.floor(today.getUTCMonth() / 3);
  return quarter === 0
    ? `${today.getUTCFullYear() - 1}-Q4`
    : `${today.getUTCFullYear()}-Q${quarter}`;
}

/** The n quarters up to and including `last`, oldest first. */
export function quartersUpTo(last: string, n: number): string[] {
  const match = last.match(/^(\d{4})-Q([1-4])$/);
  if (!match) return [];
  let index = Number(match[1]) * 4 + Number(match[2]) - 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++, index--) out.unshift(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  return out;
}
