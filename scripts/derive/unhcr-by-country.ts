import type { TidyRow } from "./tidy-csv";

/** One figure for Hondurans in one country of asylum (ISO3) in one year. */
export interface CountryFigure {
  year: number;
  country: string;
  value: number;
}

/** The code that gathers every country of asylum without a code of its own. */
export const otherCountries = "OTHER";

/**
 * The countries of asylum that reach `threshold` in at least one year (figures of the same
 * country and year added first), largest first: the ones that get their own geography code.
 */
export function countriesReaching(figures: readonly CountryFigure[], threshold: number): string[] {
  const largest = new Map<string, number>();
  for (const [key, value] of sumBy(figures, (f) => `${f.country} ${f.year}`)) {
    const country = key.split(" ")[0] ?? "";
    largest.set(country, Math.max(largest.get(country) ?? 0, value));
  }
  return [...largest]
    .filter(([, value]) => value >= threshold)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([country]) => country);
}

/**
 * Annual rows: the total over every country of asylum (blank geography), each listed country,
 * and `OTHER` for the rest, so that the listed countries and OTHER add up to the total. A country
 * gets a row only in the years the source has a figure for it (a zero it reports stays a zero).
 */
export function byCountryOfAsylum(
  figures: readonly CountryFigure[],
  listed: readonly string[],
  indicatorId: string,
  source: string,
): TidyRow[] {
  const row = (year: number, value: number, geography?: string): TidyRow => ({
    indicator_id: indicatorId,
    period: String(year),
    value,
    ...(geography ? { dimensions: { geography } } : {}),
    obs_status: "normal",
    source,
  });
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  return years.flatMap((year) => {
    const ofYear = figures.filter((f) => f.year === year);
    const byCountry = sumBy(ofYear, (f) => f.country);
    const others = ofYear.filter((f) => !listed.includes(f.country));
    return [
      row(year, sum(ofYear)),
      ...listed.flatMap((c) => {
        const value = byCountry.get(c);
        return value === undefined ? [] : [row(year, value, c)];
      }),
      ...(others.length > 0 ? [row(year, sum(others), otherCountries)] : []),
    ];
  });
}

function sum(figures: readonly CountryFigure[]): number {
  return figures.reduce((total, f) => total + f.value, 0);
}

function sumBy(
  figures: readonly CountryFigure[],
  key: (f: CountryFigure) => string,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const f of figures) sums.set(key(f), (sums.get(key(f)) ?? 0) + f.value);
  return sums;
}
