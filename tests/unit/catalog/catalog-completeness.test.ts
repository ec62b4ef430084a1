import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  disaggregatesFor,
  groupView,
  indicatorsOfGroup,
} from "../../../src/lib/catalog/catalog-queries";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const published = JSON.parse(readFileSync("tests/fixtures/catalog-ids.json", "utf8")) as {
  commitments: string[];
  indicators: string[];
};

describe("the full catalog", () => {
  it("keeps every id it ever published (ids are links and bookmarks)", () => {
    const commitments = new Set(catalog.commitments.map((c) => c.id));
    const indicators = new Set(catalog.indicators.map((i) => i.id));
    expect(published.commitments.filter((id) => !commitments.has(id))).toEqual([]);
    expect(published.indicators.filter((id) => !indicators.has(id))).toEqual([]);
  });

  it("turns the report into on the order of a hundred commitments", () => {
    expect(catalog.commitments.length).toBeGreaterThanOrEqual(90);
  });

  it("measures every commitment and gives every indicator a commitment", () => {
    const measured = new Set(catalog.indicators.flatMap((i) => i.commitments));
    expect(catalog.commitments.filter((c) => !measured.has(c.id)).map((c) => c.id)).toEqual([]);
    expect(catalog.indicators.filter((i) => i.commitments.length === 0)).toEqual([]);
  });

  it("serves all 23 GCM objectives", () => {
    const served = new Set(catalog.commitments.flatMap((c) => c.gcmObjectives));
    expect([...served].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it("makes every population group first-class: indicators that can be broken down for it", () => {
    for (const group of catalog.populationGroups) {
      const indicators = indicatorsOfGroup(catalog, group);
      expect(indicators.length, group.id).toBeGreaterThanOrEqual(5);
      if (group.dimensions.length > 0)
        expect(
          indicators.filter((i) => disaggregatesFor(i, group)).length,
          group.id,
        ).toBeGreaterThan(0);
    }
  });

  it("measures the data the report says is missing: disabled migrants (Washington Group) and missing migrants", () => {
    const disability = catalog.dimensions.find((d) => d.id === "disability");
    expect(disability?.definition?.en).toContain("Washington Group");
    const groupIndicators = (id: string) =>
      catalog.indicators.filter((i) =>
        i.commitments.some((c) =>
          catalog.commitments.find((x) => x.id === c)?.populationGroups.includes(id),
        ),
      );
    expect(groupIndicators("disabled-migrants").some((i) => i.unit === "milestone")).toBe(true);
    expect(groupIndicators("missing-migrants").some((i) => i.unit === "count")).toBe(true);
  });

  it("invents no target: each comes from the document that sets it, every other says why it has none", () => {
    // Checked by hand against the texts quoted in indicators/reference/ (sdg-additions.md).
    const sourced: Record<string, { value: number; year: number; document: string }> = {
      "remittance-cost-usd200": { value: 5, year: 2030, document: "SDG target 10.c" },
      "children-in-detention": { value: 0, year: 2030, document: "para 29(h)" },
      "child-immigration-detention-ban": { value: 1, year: 2030, document: "No. 4/No. 23" },
      "recruitment-cost-months-of-earnings": { value: 0, year: 2030, document: "para 22(c)" },
      "birth-registration-under-5": { value: 100, year: 2030, document: "SDG target 16.9" },
      "national-drr-strategy": { value: 2, year: 2020, document: "target E" },
    };
    const targeted = Object.fromEntries(
      catalog.indicators.flatMap((i) =>
        i.target === null
          ? []
          : [[i.id, { value: i.target.value, year: i.target.year, label: i.target.source.label }]],
      ),
    );
    expect(Object.keys(targeted).sort()).toEqual(Object.keys(sourced).sort());
    for (const [id, expected] of Object.entries(sourced)) {
      expect(targeted[id]).toMatchObject({ value: expected.value, year: expected.year });
      expect(targeted[id]?.label, id).toContain(expected.document);
    }
    // A year the GCM does not set is said to be a horizon, not passed off as the GCM's.
    for (const id of ["children-in-detention", "recruitment-cost-months-of-earnings"])
      expect(targeted[id]?.label, id).toContain("The GCM sets no year");
    expect(catalog.indicators.filter((i) => i.target === null && !i.targetNote)).toEqual([]);
  });

  it("gives policy commitments milestone indicators, never numbers, and marks non-quarterly measures", () => {
    const milestones = catalog.indicators.filter((i) => i.unit === "milestone");
    expect(milestones.length).toBeGreaterThan(5);
    expect(milestones.every((i) => i.collection === "milestone" && i.limits.max === 2)).toBe(true);
    expect(
      catalog.indicators
        .filter((i) => i.collection === "survey")
        .every((i) => i.periodicity !== "quarterly"),
    ).toBe(true);
  });

  it("has Spanish and English for every title and definition, and different texts in each", () => {
    const same = catalog.indicators
      .filter((i) => i.definition.es === i.definition.en)
      .map((i) => i.id);
    expect(same).toEqual([]);
  });

  it("carries the SDG indicators the review found missing, and marks a national series as related", () => {
    const codes = new Set(catalog.indicators.flatMap((i) => (i.sdg ? [i.sdg.indicator] : [])));
    for (const code of ["16.9.1", "8.10.2", "1.5.1", "13.1.2", "1.3.1", "8.8.1", "5.2.2", "5.6.2"])
      expect(codes.has(code), code).toBe(true);
    const trafficking = catalog.indicators.find((i) => i.id === "trafficking-victims-identified");
    expect(trafficking?.sdg).toEqual({ indicator: "16.2.2", series: [], match: "related" });
    expect(trafficking?.disaggregations.exploitation).toEqual([
      "sexual_exploitation",
      "forced_labour",
      "other_purposes",
    ]);
    // 8.8.2 is Honduras' own score: never a measure of how destination countries treat workers.
    const labour = catalog.indicators.find((i) => i.id === "labour-rights-compliance-score");
    expect(labour?.commitments).toEqual(["dignified-work-workplace-equality"]);
  });

  it("says which indicators count one group and nothing else, and finds missing migrants by case status", () => {
    const of = (id: string) => {
      const found = catalog.indicators.find((i) => i.id === id);
      if (!found) throw new Error(id);
      return found;
    };
    expect(of("children-in-detention").universe).toEqual(["migrant-children"]);
    expect(of("children-in-alternatives").universe).toEqual(["migrant-children"]);
    expect(of("returned-children-accompanied").universe).toEqual([
      "migrant-children",
      "returned-migrants",
    ]);
    expect(of("returnees-received").universe).toEqual(["returned-migrants"]);
    expect(of("missing-migrant-cases-registered").universe).toEqual(["missing-migrants"]);
    // A total mixing people of every group is never one group's figure.
    expect(of("consular-protection-cases").universe).toEqual([]);
    const missing = catalog.populationGroups.find((g) => g.id === "missing-migrants");
    if (!missing) throw new Error("missing-migrants");
    expect(groupView(of("missing-migrant-records-exchanged"), missing)).toEqual({
      kind: "breakdown",
      dimension: "case_status",
      code: "open",
    });
    expect(groupView(of("missing-migrants-located"), missing)).toEqual({ kind: "whole" });
  });

  it("aligns with SDG indicators only by codes in the reference notes", () => {
    const notes = readdirSync("indicators/reference")
      .filter((name) => name.endsWith(".md"))
      .map((name) => readFileSync(`indicators/reference/${name}`, "utf8"))
      .join("\n");
    for (const i of catalog.indicators) {
      if (!i.sdg) continue;
      expect(notes, i.id).toContain(i.sdg.indicator);
      for (const series of i.sdg.series) expect(notes, `${i.id} ${series}`).toContain(series);
    }
  });
});
