/**
 * Synthetic long-format observation files for load tests of the intake (scripts/bench/ingest.ts).
 * Every row is valid against the project's catalog, so the file has no errors and no warnings:
 * - only quarterly `count` indicators, only the dimension codes each indicator allows;
 * - subgroups only (no totals), so the "subgroups exceed the total" check has nothing to compare;
 * - each series stays within ±10 % of its own level, so no year-on-year change is unusual;
 * - each key (indicator, period, dimensions) appears once.
 * The same rows and seed always give the same text; a different seed gives other values (and so
 * another checksum: the app refuses a file it has already accepted).
 *
 * The catalog only has 375 such series over sex, age_group and geography, so with quarters from
 * 1990-Q1 to 2100-Q4 (the validator accepts 1950–2100) the six-column header holds at most
 * 166,500 rows. Larger files add the catalog's other dimension columns (disability,
 * population_group, migration_status): 2,400 series, at most 1,065,600 rows.
 */
import { readRawCatalog } from "../../src/lib/catalog/load-catalog-node";
import { seededRandom } from "../../src/lib/seeded-random";

interface CatalogIndicator {
  id: string;
  unit: string;
  periodicity: string;
  disaggregations: Record<string, string[] | undefined>;
}

export const baseDimensions = ["sex", "age_group", "geography"] as const;
export const extraDimensions = ["disability", "population_group", "migration_status"] as const;
export const baseHeader = ["indicator_id", "period", "value", ...baseDimensions] as const;

const firstYear = 1990;
const lastYear = 2100;
/** 1990-Q1 … 2100-Q4. */
export const maxPeriodsPerSeries = (lastYear - firstYear + 1) * 4;
/** ±10 %: a year-on-year change of at most about ln(1.1 / 0.9) ≈ 0.2, below the 0.405 floor. */
const spread = 0.1;
/** Small levels make rounding alone look like a jump; no series goes below this. */
const minimumLevel = 50;

interface Series {
  indicator: string;
  /** Code per dimension; absent = not broken down by it. */
  codes: Partial<Record<string, string>>;
  level: number;
}

const indicators = readRawCatalog("indicators")
  .indicators.map((e) => e.data as CatalogIndicator)
  .filter((i) => i.unit === "count" && i.periodicity === "quarterly");

/** Every non-empty combination of the indicator's allowed codes over `dimensions` (no totals). */
function combinations(
  indicator: CatalogIndicator,
  dimensions: readonly string[],
): Partial<Record<string, string>>[] {
  let combos: Partial<Record<string, string>>[] = [{}];
  for (const dimension of dimensions) {
    const codes = indicator.disaggregations[dimension] ?? [];
    combos = combos.flatMap((c) => [c, ...codes.map((code) => ({ ...c, [dimension]: code }))]);
  }
  return combos.filter((c) => Object.keys(c).length > 0);
}

/** Series by sex / age_group / geography, then (if `extended`) those also using other dimensions. */
function seriesList(extended: boolean, random: () => number): Series[] {
  const all = [...baseDimensions, ...extraDimensions];
  const out: Series[] = [];
  const add = (indicator: CatalogIndicator, codes: Partial<Record<string, string>>) => {
    // Level of the indicator's total, split evenly over the codes of each dimension used.
    const total = Math.exp(Math.log(2_000) + random() * Math.log(50)); // 2,000–100,000
    const parts = Object.keys(codes).reduce(
      (n, d) => n * (indicator.disaggregations[d]?.length ?? 1),
      1,
    );
    out.push({
      indicator: indicator.id,
      codes,
      level: Math.max(minimumLevel, Math.round((total / parts) * (0.6 + 0.8 * random()))),
    });
  };
  for (const indicator of indicators)
    for (const codes of combinations(indicator, baseDimensions)) add(indicator, codes);
  if (extended)
    for (const indicator of indicators)
      for (const codes of combinations(indicator, all))
        if (extraDimensions.some((d) => codes[d] !== undefined)) add(indicator, codes);
  return out;
}

/** How many series the six-column header and the extended header offer. */
export function seriesCapacity(): { base: number; extended: number } {
  const random = () => 0.5;
  return { base: seriesList(false, random).length, extended: seriesList(true, random).length };
}

const quarterCode = (index: number) => `${firstYear + Math.floor(index / 4)}-Q${(index % 4) + 1}`;

/**
 * A CSV (with a header line and a final newline) of exactly `rows` valid observations. Rows are
 * spread evenly over the series, each series taking consecutive quarters from 1990-Q1.
 */
export function generateObservationsCsv(rows: number, seed = 1): string {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer`);
  const capacity = seriesCapacity();
  const extended = rows > capacity.base * maxPeriodsPerSeries;
  if (rows > capacity.extended * maxPeriodsPerSeries)
    throw new Error(
      `at most ${capacity.extended * maxPeriodsPerSeries} distinct valid rows fit the catalog`,
    );
  const random = seededRandom(seed);
  const series = seriesList(extended, random);
  const dimensions = extended ? [...baseDimensions, ...extraDimensions] : [...baseDimensions];
  const header = ["indicator_id", "period", "value", ...dimensions];

  const lines: string[] = [header.join(",")];
  const perSeries = Math.floor(rows / series.length);
  const longer = rows % series.length;
  series.forEach((s, i) => {
    const periods = perSeries + (i < longer ? 1 : 0);
    const codes = dimensions.map((d) => s.codes[d] ?? "").join(",");
    for (let p = 0; p < periods; p++) {
      const value = Math.round(s.level * (1 - spread + 2 * spread * random()));
      lines.push(`${s.indicator},${quarterCode(p)},${value},${codes}`);
    }
  });
  lines.push("");
  return lines.join("\n");
}
