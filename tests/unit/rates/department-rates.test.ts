import { describe, expect, it } from "vitest";
import { bundledSources } from "../../../src/lib/observations/bundled-sources";
import { bundledPopulation } from "../../../src/lib/rates/bundled-population";
import { perPopulation } from "../../../src/lib/rates/department-rates";

describe("department values per person", () => {
  it("divides each department's value by its 2024 population and says the years differ", () => {
    const cortes = bundledPopulation.departments["HN-CR"]?.total.total ?? 0;
    const { points, rates } = perPopulation(
      new Map([
        ["HN-CR", { code: "HN-CR", period: "2019-Q1", time: 2019, value: cortes * 2 }],
        ["HN-XX", { code: "HN-XX", period: "2019-Q1", time: 2019, value: 10 }],
      ]),
      1,
      bundledPopulation,
      bundledSources,
    );
    // Twice Cortés' population in USD: 2 USD per person, on 2024 population for a 2019 value.
    expect(points.get("HN-CR")?.value).toBe(2);
    const rate = rates.get("HN-CR");
    expect(rate?.kind === "rate" && rate.yearMismatch).toEqual({
      valueYear: 2019,
      denominatorYear: 2024,
    });
    // No population for an unknown department: no rate, never a guess.
    expect(points.get("HN-XX")?.value).toBeNull();
    expect(rates.get("HN-XX")).toEqual({ kind: "no_rate", reason: "no_denominator" });
  });
});
