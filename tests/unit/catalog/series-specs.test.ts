import { describe, expect, it } from "vitest";
import type { Indicator, PopulationGroup } from "../../../src/lib/catalog/schema";
import { areHeadlines, seriesSpecs } from "../../../src/lib/catalog/series-specs";

const indicator = (id: string, extra: Partial<Indicator>): Indicator =>
  ({ id, headline: {}, disaggregations: {}, universe: [], ...extra }) as Indicator;

const children: PopulationGroup = {
  id: "migrant-children",
  title: { es: "Niñez", en: "Children" },
  dimensions: [{ name: "age_group", code: "0-17" }],
};
const women: PopulationGroup = {
  id: "women-lgbti-vulnerable",
  title: { es: "Mujeres", en: "Women" },
  dimensions: [
    { name: "sex", code: "female" },
    { name: "population_group", code: "lgbti" },
  ],
};

describe("series specs of a scope", () => {
  const returnees = indicator("returnees-received", {
    disaggregations: { age_group: ["0-17", "18+"], sex: ["female", "male"] },
  });
  const detention = indicator("children-in-detention", { universe: ["migrant-children"] });
  const cost = indicator("remittance-cost-usd200", {
    headline: { geography: "USA" },
    disaggregations: { geography: ["USA", "ESP"] },
  });

  it("reads headlines when there is no group", () => {
    const { specs, without } = seriesSpecs([returnees, cost]);
    expect(specs).toEqual([
      { indicatorId: "returnees-received", selection: {} },
      { indicatorId: "remittance-cost-usd200", selection: { geography: "USA" } },
    ]);
    expect(without).toEqual([]);
    expect(areHeadlines(specs, [returnees, cost])).toBe(true);
  });

  it("narrows to the group's own breakdown, keeps a whole-group indicator, and leaves out the rest", () => {
    const { specs, without } = seriesSpecs([returnees, detention, cost], children);
    expect(specs).toEqual([
      { indicatorId: "returnees-received", selection: { age_group: "0-17" } },
      { indicatorId: "children-in-detention", selection: {} },
    ]);
    expect(without.map((i) => i.id)).toEqual(["remittance-cost-usd200"]);
    expect(areHeadlines(specs, [returnees, detention])).toBe(false);
  });

  it("uses the first of a group's breakdowns the indicator accepts", () => {
    const lgbtiOnly = indicator("x", { disaggregations: { population_group: ["lgbti"] } });
    expect(seriesSpecs([returnees, lgbtiOnly], women).specs).toEqual([
      { indicatorId: "returnees-received", selection: { sex: "female" } },
      { indicatorId: "x", selection: { population_group: "lgbti" } },
    ]);
  });
});
