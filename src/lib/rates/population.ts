import { z } from "zod";
import { localizedText } from "../catalog/schema";

const counts = z.record(z.string(), z.number().int().nonnegative());
/** One place's people: `total` (both sexes), `female`, `male`, each by age group. */
const bySexAndAge = z.strictObject({ total: counts, female: counts, male: counts });

/**
 * Population denominators as src/assets/population-*.json holds them (made by
 * scripts/derive/population-hnd.ts; shape in data/SOURCE.md): exact figures by department and
 * nationally, and apart from them the age groups that could only be estimated, with their rule.
 */
export const populationDenominators = z.strictObject({
  year: z.number().int(),
  /** A data source id in data/sources.json. */
  source: z.string().min(1),
  file: z.string().min(1),
  ageGroups: z.array(z.string()),
  national: bySexAndAge,
  departments: z.record(z.string(), bySexAndAge),
  estimated: z.strictObject({
    ageGroups: z.array(z.string()),
    rule: localizedText,
    national: bySexAndAge,
    departments: z.record(z.string(), bySexAndAge),
  }),
});
export type PopulationDenominators = z.infer<typeof populationDenominators>;

/** Whose population: a blank (or absent) cell means everyone, as in the tidy data. */
export interface DenominatorQuery {
  /** ISO 3166-2:HN code; blank for the whole country. */
  department?: string | null;
  /** `female` or `male`; blank for both sexes. */
  sex?: string | null;
  /** A catalog age group (`60+`, `0-17`); blank for all ages. */
  ageGroup?: string | null;
}

export interface Denominator {
  population: number;
  year: number;
  /** The data source id the population comes from. */
  source: string;
  /** The estimation rule when the figure is estimated, null when it is exact. */
  estimated: z.infer<typeof localizedText> | null;
}

const sexKey = (sex: string) =>
  sex === "" ? "total" : sex === "female" || sex === "male" ? sex : null;

/**
 * The population a rate divides by, or null when there is none: an unknown department, a sex
 * other than female or male, an age group the source cannot give. Never a figure for a
 * neighbouring group instead.
 */
export function findDenominator(
  population: PopulationDenominators,
  query: DenominatorQuery,
): Denominator | null {
  const department = query.department ?? "";
  const sex = sexKey(query.sex ?? "");
  const age = query.ageGroup || "total";
  if (sex === null) return null;
  const exact = department === "" ? population.national : population.departments[department];
  const estimated =
    department === ""
      ? population.estimated.national
      : population.estimated.departments[department];
  const exactValue = exact?.[sex][age];
  if (exactValue !== undefined)
    return {
      population: exactValue,
      year: population.year,
      source: population.source,
      estimated: null,
    };
  const estimatedValue = estimated?.[sex][age];
  if (estimatedValue !== undefined)
    return {
      population: estimatedValue,
      year: population.year,
      source: population.source,
      estimated: population.estimated.rule,
    };
  return null;
}
