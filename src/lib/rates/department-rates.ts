import type { DataSource } from "../observations/data-sources";
import type { DepartmentPoint } from "../observations/department-values";
import type { PopulationDenominators } from "./population";
import { findDenominator } from "./population";
import { computeRate, type Rate, type RateBase } from "./rate";

/**
 * One period's department values divided by each department's population: the map then shows
 * the rate, and the rates say whose population, of which year, they divide by.
 */
export function perPopulation(
  at: ReadonlyMap<string, DepartmentPoint>,
  base: RateBase,
  population: PopulationDenominators,
  sources: readonly DataSource[],
): { points: Map<string, DepartmentPoint>; rates: Map<string, Rate> } {
  const points = new Map<string, DepartmentPoint>();
  const rates = new Map<string, Rate>();
  for (const [code, point] of at) {
    const rate = computeRate(
      {
        value: point.value,
        valueYear: Number(point.period.slice(0, 4)),
        denominator: findDenominator(population, { department: code }),
        sources,
      },
      base,
    );
    rates.set(code, rate);
    points.set(code, { ...point, value: rate.kind === "rate" ? rate.rate : null });
  }
  return { points, rates };
}
