import type { DataSource } from "../observations/data-sources";
import type { Denominator } from "./population";

/** Per how many people: 100,000 for a rate per 100,000, 1 for a figure per person. */
export type RateBase = 100_000 | 1;

export type Rate =
  | {
      kind: "rate";
      /** Value ÷ population × base, unrounded: rounding is for the screen. */
      rate: number;
      base: RateBase;
      value: number;
      valueYear: number;
      denominator: {
        population: number;
        year: number;
        source: DataSource;
        licence: DataSource["licence"];
        /** The estimation rule when the population is estimated, null when exact. */
        estimated: Denominator["estimated"];
      };
      /** Set when the value's year is not the population's: a 2019 value on 2024 people. */
      yearMismatch: { valueYear: number; denominatorYear: number } | null;
    }
  | {
      kind: "no_rate";
      reason: "no_value" | "no_denominator" | "unknown_source" | "no_population";
    };

export interface RateInput {
  /** The numerator; null when the value is missing. */
  value: number | null;
  /** The year the value is for (a quarter's or a month's year). */
  valueYear: number;
  /** The population from findDenominator; null when there is none. */
  denominator: Denominator | null;
  /** Registered data sources, to name the population's publisher and licence. */
  sources: readonly DataSource[];
}

/**
 * A value per `base` people. No value, no population, a population of zero, or a population
 * whose source is not registered (its licence could not be said) give no rate, never a guess.
 */
export function computeRate(input: RateInput, base: RateBase): Rate {
  const { value, valueYear, denominator, sources } = input;
  if (value === null || !Number.isFinite(value)) return { kind: "no_rate", reason: "no_value" };
  if (denominator === null) return { kind: "no_rate", reason: "no_denominator" };
  if (denominator.population <= 0) return { kind: "no_rate", reason: "no_population" };
  const source = sources.find((s) => s.id === denominator.source);
  if (!source) return { kind: "no_rate", reason: "unknown_source" };
  return {
    kind: "rate",
    rate: (value / denominator.population) * base,
    base,
    value,
    valueYear,
    denominator: {
      population: denominator.population,
      year: denominator.year,
      source,
      licence: source.licence,
      estimated: denominator.estimated,
    },
    yearMismatch:
      denominator.year === valueYear ? null : { valueYear, denominatorYear: denominator.year },
  };
}

export const ratePer100k = (input: RateInput): Rate => computeRate(input, 100_000);
export const ratePerCapita = (input: RateInput): Rate => computeRate(input, 1);
