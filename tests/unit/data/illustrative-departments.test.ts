import { describe, expect, it } from "vitest";
import { generateIllustrativeRows } from "../../../scripts/generate-illustrative-data";
import { bundledPopulation } from "../../../src/lib/rates/bundled-population";

const rows = generateIllustrativeRows().filter((r) => r.indicator_id === "returnees-received");
const isTotal = (r: (typeof rows)[number]) =>
  !r.sex && !r.age_group && !r.population_group && !r.geography && !r.department;

describe("demo returnees by department of return (illustrative, weighted by OCHA population)", () => {
  const periods = [...new Set(rows.map((r) => r.period))];

  it("gives every reported quarter the 18 departments, adding up to the national total", () => {
    for (const period of periods) {
      const departments = rows.filter((r) => r.period === period && r.department);
      if (period === "2020-Q2") {
        // Breakdowns were not reported in the 2020 lockdown quarter: a gap, not zeros.
        expect(departments).toEqual([]);
        continue;
      }
      const total = Number(rows.find((r) => r.period === period && isTotal(r))?.value);
      expect(departments).toHaveLength(18);
      expect(
        departments.reduce((sum, r) => sum + Number(r.value), 0),
        period,
      ).toBe(total);
    }
  });

  it("splits each quarter by population share, each department within one person of it", () => {
    const national = bundledPopulation.national.total.total ?? Number.NaN;
    for (const period of periods.filter((p) => p !== "2020-Q2")) {
      const total = Number(rows.find((r) => r.period === period && isTotal(r))?.value);
      for (const r of rows.filter((x) => x.period === period && x.department)) {
        const people = bundledPopulation.departments[r.department ?? ""]?.total.total ?? Number.NaN;
        expect(Math.abs(Number(r.value) - (total * people) / national)).toBeLessThan(1);
      }
    }
  });

  it("puts Cortés (1,920,704 of 9,892,674 people: 19.4 %) above Islas de la Bahía (0.8 %)", () => {
    const of = (department: string) =>
      Number(rows.find((r) => r.period === "2024-Q3" && r.department === department)?.value);
    expect(of("HN-CR")).toBeGreaterThan(20 * of("HN-IB"));
  });
});
