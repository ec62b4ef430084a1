import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { baseSection, exclusions, reportCoverage } from "../../../src/lib/catalog/coverage";
import { projectCatalog } from "../../helpers/catalog";

const report = readFileSync("indicators/report/gcm-honduras-national-consultation.txt", "utf8");
const excluded = exclusions.parse(
  JSON.parse(readFileSync("indicators/report/exclusions.json", "utf8")),
);
const catalog = projectCatalog();

describe("report coverage (the issue's completeness check)", () => {
  const coverage = reportCoverage(report, catalog, excluded);

  it("covers every substantive paragraph of sections II–V with a commitment or a stated exclusion", () => {
    expect(coverage.uncovered.map((u) => `${u.section}: ${u.text.slice(0, 60)}`)).toEqual([]);
  });

  it("files every commitment under the section its quote sits in", () => {
    expect(coverage.misplaced).toEqual([]);
  });

  it("has no exclusion that matches nothing", () => {
    expect(coverage.staleExclusions).toEqual([]);
  });

  it("excludes only a few descriptive paragraphs, each with a reason in both languages", () => {
    expect(excluded.length).toBeLessThanOrEqual(10);
    for (const e of excluded) expect(e.reason.es.length * e.reason.en.length).toBeGreaterThan(0);
  });

  it("notices a paragraph that loses its commitments", () => {
    const paragraph =
      report
        .split(/\n\s*\n/)
        .find((p) => p.startsWith("Regarding access to **justice** for this population")) ?? "";
    const fewer = {
      ...catalog,
      commitments: catalog.commitments.filter((c) => !paragraph.includes(c.quote)),
    };
    expect(fewer.commitments.length).toBeLessThan(catalog.commitments.length);
    const uncovered = reportCoverage(report, fewer, excluded).uncovered;
    expect(uncovered.map((u) => u.text.slice(0, 40))).toEqual([paragraph.slice(0, 40)]);
  });
});

describe("baseSection", () => {
  it("drops the sub-topic", () => {
    expect(baseSection("V.migrant-children / justice")).toBe("V.migrant-children");
    expect(baseSection("IV")).toBe("IV");
  });
});
