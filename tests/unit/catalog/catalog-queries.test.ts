import { describe, expect, it } from "vitest";
import { csvTemplate } from "../../../src/features/indicator/components/csv-template";
import {
  commitmentsOfIndicator,
  commitmentsOfObjective,
  disaggregatesFor,
  indicatorsOfGroup,
} from "../../../src/lib/catalog/catalog-queries";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const group = (id: string) => {
  const found = catalog.populationGroups.find((g) => g.id === id);
  if (!found) throw new Error(id);
  return found;
};
const indicator = (id: string) => {
  const found = catalog.indicators.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("catalog look-ups", () => {
  it("gives every population group of the report, and returned migrants, indicators of its own", () => {
    for (const g of catalog.populationGroups)
      expect(indicatorsOfGroup(catalog, g).length, g.id).toBeGreaterThan(0);
  });

  it("counts an indicator for a group when it accepts the group's disaggregation", () => {
    expect(disaggregatesFor(indicator("returnees-received"), group("migrant-children"))).toBe(true);
    expect(disaggregatesFor(indicator("remittance-cost-usd200"), group("migrant-children"))).toBe(
      false,
    );
    expect(disaggregatesFor(indicator("remittance-cost-usd200"), group("missing-migrants"))).toBe(
      false,
    );
  });

  it("follows links both ways between commitments, objectives and indicators", () => {
    const detention = commitmentsOfObjective(catalog, 13).map((c) => c.id);
    expect(detention).toContain("children-alternatives-to-detention");
    expect(
      commitmentsOfIndicator(catalog, indicator("children-atd-share")).map((c) => c.id),
    ).toEqual(["children-alternatives-to-detention"]);
  });

  it("writes the CSV layout that would feed an indicator", () => {
    expect(csvTemplate(indicator("children-in-detention"))).toBe(
      "indicator_id,period,value,sex,population_group,source,note\nchildren-in-detention,2025-Q1,,,,,",
    );
  });
});
