import { describe, expect, it } from "vitest";
import { maxCommitmentsWithoutReason, parseCatalog } from "../../../src/lib/catalog/parse-catalog";
import { projectCatalog, rawCatalog } from "../../helpers/catalog";

type Mutable = Record<string, unknown>;
const indicatorsOf = (raw: ReturnType<typeof rawCatalog>) =>
  raw.indicators.map((e) => e.data as Mutable);
const byId = (raw: ReturnType<typeof rawCatalog>, id: string) => {
  const found = indicatorsOf(raw).find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};
const problemsOf = (raw: ReturnType<typeof rawCatalog>) => {
  const result = parseCatalog(raw);
  return result.ok ? [] : result.problems;
};

describe("every commitment can show progress", () => {
  const catalog = projectCatalog();

  it("has at least one indicator with a direction for every commitment", () => {
    const directed = new Set(
      catalog.indicators.filter((i) => i.direction !== "context").flatMap((i) => i.commitments),
    );
    expect(catalog.commitments.filter((c) => !directed.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it("measures the 13 commitments the review found with context counts only", () => {
    const formerlyContextOnly = [
      "disabled-detention-conditions",
      "flexible-regularization-processes",
      "responsible-dignified-living-rights",
      "children-encourage-complaints",
      "returned-women-lgbti-relocation",
      "priority-respect-rights-of-our-migrants",
      "remittances-used-as-intended",
      "recognize-benefits-of-migration",
      "priority-case-by-case-regularization",
      "access-justice-information-due-process",
      "prevent-punish-migrant-smuggling",
      "regular-basic-services-and-transit-rights",
      "priority-dignified-repatriation-incarcerated",
    ];
    for (const id of formerlyContextOnly) {
      const measures = catalog.indicators.filter((i) => i.commitments.includes(id));
      // A share naming what it divides, or an SDG measure: a bare count could not show this progress.
      expect(
        measures.some((i) => i.direction !== "context" && (i.rate !== undefined || i.sdg !== null)),
        id,
      ).toBe(true);
    }
  });

  it("stretches no indicator over more than five commitments without saying why, in both languages", () => {
    for (const i of catalog.indicators) {
      if (new Set(i.commitments).size <= maxCommitmentsWithoutReason) continue;
      expect(i.commitmentsReason?.es, i.id).toBeTruthy();
      expect(i.commitmentsReason?.en, i.id).toBeTruthy();
    }
  });

  it("links an indicator to each commitment once", () => {
    const repeated = catalog.indicators.filter(
      (i) => new Set(i.commitments).size !== i.commitments.length,
    );
    expect(repeated.map((i) => i.id)).toEqual([]);
  });
});

describe("parseCatalog refuses what cannot be measured", () => {
  it("names the commitment whose only indicators are context counts", () => {
    const raw = rawCatalog();
    const all = indicatorsOf(raw);
    const id = "priority-no-mass-deportations";
    // Keep the context count (returnees received), drop every indicator with a direction.
    for (const i of all)
      if (i.direction !== "context")
        i.commitments = (i.commitments as string[]).filter((c) => c !== id);
    expect(all.some((i) => (i.commitments as string[]).includes(id))).toBe(true);
    expect(problemsOf(raw)).toContainEqual({
      file: `commitments/${id}.json`,
      path: "id",
      message: `commitment "${id}" has no indicator with a direction of progress (only context)`,
    });
  });

  it("names the indicator serving more than five commitments until a reason is given", () => {
    const raw = rawCatalog();
    const stretched = byId(raw, "children-atd-share");
    const six = raw.commitments.slice(0, 6).map((e) => String((e.data as Mutable).id));
    stretched.commitments = six;
    expect(problemsOf(raw)).toContainEqual({
      file: "indicators/children-atd-share.json",
      path: "commitments",
      message: `"children-atd-share" serves 6 commitments, more than 5, without a commitmentsReason saying why`,
    });
    stretched.commitments = six.slice(0, 5);
    expect(problemsOf(raw)).toEqual([]);
    stretched.commitments = six;
    stretched.commitmentsReason = { es: "Una razón.", en: "A reason." };
    expect(problemsOf(raw)).toEqual([]);
  });

  it("refuses a target without its source, or with an empty one", () => {
    const raw = rawCatalog();
    const target = byId(raw, "remittance-cost-usd200").target as Mutable;
    delete target.source;
    expect(problemsOf(raw)).toContainEqual(
      expect.objectContaining({
        file: "indicators/remittance-cost-usd200.json",
        path: "target.source",
      }),
    );
    target.source = { label: "" };
    expect(problemsOf(raw)).toContainEqual(
      expect.objectContaining({
        file: "indicators/remittance-cost-usd200.json",
        path: "target.source.label",
      }),
    );
  });

  it("refuses a target on the worse side of the indicator's direction, or on a context indicator", () => {
    const raw = rawCatalog();
    const detention = byId(raw, "children-in-detention");
    (detention.target as Mutable).comparison = "at_least";
    const message = "a target points the way the indicator's direction says is better";
    expect(problemsOf(raw)).toContainEqual({
      file: "indicators/children-in-detention.json",
      path: "",
      message,
    });
    (detention.target as Mutable).comparison = "at_most";
    detention.direction = "context";
    expect(problemsOf(raw).map((p) => p.message)).toContain(message);
  });

  it("refuses a national series related to an SDG indicator that claims the UN series", () => {
    const raw = rawCatalog();
    const trafficking = byId(raw, "trafficking-victims-identified");
    expect(trafficking.sdg).toEqual({ indicator: "16.2.2", series: [], match: "related" });
    trafficking.sdg = { indicator: "16.2.2", series: ["VC_HTF_DETV"], match: "related" };
    expect(problemsOf(raw).map((p) => p.message)).toContain(
      "a national series related to an SDG indicator claims none of its UN series",
    );
  });

  it("keeps a ratio a fraction ≥ 0, as a cost over monthly earnings is", () => {
    const raw = rawCatalog();
    const recruitment = byId(raw, "recruitment-cost-months-of-earnings");
    expect(recruitment.unit).toBe("ratio");
    recruitment.limits = { min: 0, integer: true };
    expect(problemsOf(raw).map((p) => p.message)).toContain(
      "a ratio is a fraction ≥ 0 (min 0, not whole numbers)",
    );
  });
});
