import { describe, expect, it } from "vitest";
import type { SeriesPoint } from "../../../src/lib/observations/series-point";
import { formulaText } from "../../../src/lib/progress/formula-text";
import { escapProgress, statcanProgress, unsdProgress } from "../../../src/lib/progress/methods";
import type { ProgressInput } from "../../../src/lib/progress/progress-input";

const years = (values: Record<number, number>): SeriesPoint[] =>
  Object.entries(values).map(([year, value]) => ({ period: year, time: Number(year), value }));
const input = (
  points: SeriesPoint[],
  target: ProgressInput["target"],
  milestone = false,
): ProgressInput => ({
  points,
  periodicity: "annual",
  direction: "lower_is_better",
  baselinePeriod: "2017",
  target,
  limits: { min: 0, max: 100 },
  milestone,
  asOf: new Date("2022-06-30T00:00:00Z"),
});
const below3 = {
  value: 3,
  year: 2030,
  comparison: "below",
  source: { label: "SDG 10.c" },
} as const;
const zero = { value: 0, year: 2030, comparison: "at_most", source: { label: "GCM" } } as const;

/** Every formula shape methods.ts writes, from the methods themselves. */
const formulas = {
  statcanTarget: statcanProgress(input(years({ 2017: 5, 2021: 4 }), below3)).formula,
  statcanTrend: statcanProgress(input(years({ 2017: 5, 2021: 4 }), null)).formula,
  statcanZero: statcanProgress(input(years({ 2017: 100, 2021: 60 }), zero)).formula,
  unsdTarget: unsdProgress(input(years({ 2017: 5, 2021: 4 }), below3)).formula,
  unsdTrend: unsdProgress(input(years({ 2017: 5, 2021: 4 }), null)).formula,
  escap: escapProgress(input(years({ 2017: 5, 2021: 4 }), below3)).formula,
  met: statcanProgress(input(years({ 2017: 5, 2021: 2.5 }), below3)).formula,
  milestone: statcanProgress(input(years({ 2017: 0, 2021: 1 }), null, true)).formula,
};

/** The numbers of a text, in order. */
const numbers = (text: string) => [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => m[0]);

describe("the why panel's formula in the page's language", () => {
  it("has a formula of every shape to render", () => {
    for (const [shape, formula] of Object.entries(formulas)) expect(formula, shape).not.toBe("");
  });

  it("leaves no English word in Spanish and keeps every number as written (es-HN: decimal point)", () => {
    const english =
      /\b(CAGR|CSI|required|elapsed|observed|projected|share|trend|target|linear|change|per|year|stage|vs|and|at_most|at_least|below|above)\b/;
    for (const [shape, formula] of Object.entries(formulas)) {
      const spanish = formulaText(formula, "es");
      expect(spanish, shape).not.toMatch(english);
      expect(numbers(spanish), shape).toEqual(numbers(formula));
    }
  });

  it("reads the hand-worked Statistics Canada case in Spanish", () => {
    // (4/5)^(1/4) − 1 = −5.43 %; (3/5)^(1/13) − 1 = −3.85 %; R = 5.43 / 3.85 = 1.408
    expect(formulaText(formulas.statcanTarget, "es")).toBe(
      "TCAC = (4 / 5)^(1/4) − 1 = -5.43 %; requerido = (3 / 5)^(1/13) − 1 = -3.85 %; R = −-5.43 % / |-3.85 %| = 1.408",
    );
  });

  it("shows a met target as a comparison sign in both languages", () => {
    expect(formulaText(formulas.met, "en")).toBe("2.5 < 3");
    expect(formulaText(formulas.met, "es")).toBe("2.5 < 3");
    expect(formulaText("60 at_most 0", "es")).toBe("60 ≤ 0");
  });

  it("leaves the English formula's words alone", () => {
    expect(formulaText(formulas.escap, "en")).toBe(formulas.escap);
    expect(formulaText(formulas.milestone, "es")).toBe("etapa(2021) = 1");
  });
});
