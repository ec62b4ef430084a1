import { describe, expect, it } from "vitest";
import type { Indicator } from "../../../src/lib/catalog/schema";
import type { SeriesPoint } from "../../../src/lib/progress/series-point";
import { meetsTarget, simpleStatus } from "../../../src/lib/progress/simple-status";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const indicator = (id: string): Indicator => {
  const found = catalog.indicators.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};
const quarters = (start: number, values: (number | null)[]): SeriesPoint[] =>
  values.map((value, i) => {
    const year = start + Math.floor(i / 4);
    const q = (i % 4) + 1;
    return { period: `${year}-Q${q}`, time: year + (q - 1) / 4, value };
  });

describe("simpleStatus", () => {
  const cost = indicator("remittance-cost-usd200");
  const detention = indicator("children-in-detention");
  const alternatives = indicator("children-in-alternatives");

  it("says the target is met when the latest value is below 3%", () => {
    expect(simpleStatus(cost, quarters(2017, [4.2, 4.1, 4, 3.9, 3.5, 2.9])).status).toBe(
      "target_met",
    );
  });

  it("reads a falling cost as improving when the target is not yet met", () => {
    const result = simpleStatus(cost, quarters(2017, [4.2, 4.1, 4.0, 3.9, 3.8, 3.7, 3.6, 3.5]));
    expect(result.status).toBe("improving");
    expect(result.baselineMean).toBeCloseTo(4.05);
    expect(result.recentMean).toBeCloseTo(3.65);
  });

  it("reads a rising count of detained children as worsening", () => {
    expect(
      simpleStatus(detention, quarters(2018, [100, 120, 130, 110, 150, 170, 180, 160])).status,
    ).toBe("worsening");
  });

  it("reads more children in alternatives as improving", () => {
    expect(
      simpleStatus(alternatives, quarters(2018, [100, 120, 130, 110, 150, 170, 180, 160])).status,
    ).toBe("improving");
  });

  it("does not read seasonality as progress: the same yearly pattern gives no change", () => {
    const seasonal = [80, 120, 130, 70];
    expect(
      simpleStatus(detention, quarters(2018, [...seasonal, ...seasonal, ...seasonal])).status,
    ).toBe("no_change");
  });

  it("refuses a colour without enough data", () => {
    expect(simpleStatus(cost, []).status).toBe("insufficient_data");
    expect(simpleStatus(cost, quarters(2017, [4.2])).status).toBe("insufficient_data");
    expect(simpleStatus(detention, quarters(2019, [100, 90, 80, 70, 60, 50])).status).toBe(
      "insufficient_data",
    );
    expect(simpleStatus(detention, quarters(2018, [100, null, null, null, null])).status).toBe(
      "insufficient_data",
    );
  });

  it("gives context indicators no direction", () => {
    expect(
      simpleStatus(indicator("returnees-received"), quarters(2018, [1, 2, 3, 4, 5])).status,
    ).toBe("context");
  });

  it("compares with the target as the catalog states it", () => {
    const base = { year: 2030, source: { label: "x" } };
    expect(meetsTarget(3, { ...base, value: 3, comparison: "below" })).toBe(false);
    expect(meetsTarget(3, { ...base, value: 3, comparison: "at_most" })).toBe(true);
    expect(meetsTarget(3, { ...base, value: 3, comparison: "above" })).toBe(false);
    expect(meetsTarget(3, { ...base, value: 3, comparison: "at_least" })).toBe(true);
  });
});
