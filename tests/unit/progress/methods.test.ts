import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SeriesPoint } from "../../../src/lib/observations/series-point";
import {
  escapProgress,
  limitFactor,
  statcanProgress,
  unsdProgress,
} from "../../../src/lib/progress/methods";
import type { ProgressInput } from "../../../src/lib/progress/progress-input";
import { meetsTarget } from "../../../src/lib/progress/target";

const asOf = new Date("2022-06-30T00:00:00Z");
const years = (values: Record<number, number>): SeriesPoint[] =>
  Object.entries(values).map(([year, value]) => ({ period: year, time: Number(year), value }));
const quarters = (startYear: number, values: (number | null)[]): SeriesPoint[] =>
  values.map((value, i) => {
    const year = startYear + Math.floor(i / 4);
    const q = (i % 4) + 1;
    return { period: `${year}-Q${q}`, time: year + (q - 1) / 4, value };
  });
const cost = (points: SeriesPoint[]): ProgressInput => ({
  points,
  periodicity: "annual",
  direction: "lower_is_better",
  baselinePeriod: "2017",
  target: { value: 3, year: 2030, comparison: "below", source: { label: "SDG 10.c" } },
  limits: { min: 0, max: 100 },
  milestone: false,
  asOf,
});

describe("Statistics Canada ratio of observed to required growth (hand-worked)", () => {
  it("on track: 5.0 % (2017) → 4.0 % (2021), target below 3 % by 2030", () => {
    // Times are year centres: 2017.5 → 2021.5 is 4 years; 2017.5 → 2030.5 is 13.
    // observed CAGR = (4/5)^(1/4) − 1 = 0.945742 − 1 = −5.4258 %
    // required CAGR = (3/5)^(1/13) − 1 = 0.961468 − 1 = −3.8532 %
    // R = −1 × −5.4258 / 3.8532 = 1.408 ≥ 0.95 → on track, score capped at +5
    const r = statcanProgress(cost(years({ 2017: 5, 2021: 4 })));
    expect(r.status).toBe("on_track");
    expect(r.measure?.value).toBeCloseTo(1.4081, 3);
    expect(r.score).toBe(5);
  });

  it("limited: 5.0 % → 4.8 %", () => {
    // observed = 0.96^(1/4) − 1 = −1.0154 %; R = 1.0154 / 3.8532 = 0.2635 (0 ≤ R < 0.6)
    // score = −2.5 + 2.5 × 0.2635 / 0.6 = −1.402
    const r = statcanProgress(cost(years({ 2017: 5, 2021: 4.8 })));
    expect(r.status).toBe("limited");
    expect(r.measure?.value).toBeCloseTo(0.2635, 3);
    expect(r.score).toBeCloseTo(-1.4, 1);
  });

  it("moving away: 5.0 % → 5.5 %, and target met when the latest value is below 3 %", () => {
    expect(statcanProgress(cost(years({ 2017: 5, 2021: 5.5 }))).status).toBe("moving_away");
    expect(statcanProgress(cost(years({ 2017: 5, 2021: 2.9 }))).status).toBe("target_met");
  });

  it("without a target: growth against 1.5 % and 0.5 % a year", () => {
    // 100 → 110 over 4 years: 1.1^(1/4) − 1 = 2.411 % ≥ 1.5 % → improving (a trend: there is no target to be on track for)
    const input: ProgressInput = {
      ...cost(years({ 2017: 100, 2021: 110 })),
      direction: "higher_is_better",
      target: null,
      limits: { min: 0 },
    };
    const r = statcanProgress(input);
    expect(r.measure?.value).toBeCloseTo(0.02411, 4);
    expect(r.status).toBe("trend_improving");
    // 100 → 101: 0.249 % a year, above 0 but below 0.5 % → little change; 100 → 95 → worsening
    expect(
      statcanProgress({
        ...input,
        ...cost(years({ 2017: 100, 2021: 101 })),
        direction: "higher_is_better",
        target: null,
        limits: { min: 0 },
      }).status,
    ).toBe("trend_flat");
    expect(
      statcanProgress({
        ...input,
        ...cost(years({ 2017: 100, 2021: 95 })),
        direction: "higher_is_better",
        target: null,
        limits: { min: 0 },
      }).status,
    ).toBe("trend_worsening");
  });

  it("scales the thresholds near a natural maximum (80 % → 82 %, C = (100 − 80) / 100 = 0.2)", () => {
    // growth = 1.025^(1/4) − 1 = 0.619 %: below 1.5 % unscaled, but above 1.5 % × 0.2 = 0.3 % → improving
    const input: ProgressInput = {
      ...cost(years({ 2017: 80, 2021: 82 })),
      direction: "higher_is_better",
      target: null,
    };
    expect(limitFactor(input, 80)).toBeCloseTo(0.2);
    expect(statcanProgress(input).status).toBe("trend_improving");
    expect(statcanProgress({ ...input, limits: { min: 0 } }).status).toBe("trend_slow");
  });
});

describe("Statistics Canada with a target of zero (our adaptation, hand-worked)", () => {
  // Children in detention: 100 (2017) → 60 (2021), target 0 by 2030 (at most). Compound growth
  // cannot reach 0 (it would need −100 % a year), so annual changes are compared linearly:
  // observed (60 − 100) / 4 = −10 a year; required (0 − 100) / 13 = −7.69 a year; R = 1.3.
  const zero: ProgressInput = {
    ...cost(years({ 2017: 100, 2021: 60 })),
    target: { value: 0, year: 2030, comparison: "at_most", source: { label: "GCM 13(h)" } },
  };

  it("compares linear annual change when the target is zero", () => {
    const r = statcanProgress(zero);
    expect(r.measure?.value).toBeCloseTo(1.3, 3);
    expect(r.status).toBe("on_track");
    expect(r.formula).toContain("linear");
  });

  it("calls a slow fall limited and a rise deterioration", () => {
    // 100 → 90: −2.5 a year against −7.69: R = 0.325 → limited; 100 → 110: R = −0.325
    expect(statcanProgress({ ...zero, points: years({ 2017: 100, 2021: 90 }) }).status).toBe(
      "limited",
    );
    expect(statcanProgress({ ...zero, points: years({ 2017: 100, 2021: 110 }) }).status).toBe(
      "moving_away",
    );
  });
});

describe("UN Statistics Division projection to the target year (hand-worked)", () => {
  it("5.0 % → 4.8 %: projected 2030 = 4.8 × (1 − 1.0154 %)^9 = 4.379; share (4.379 − 5)/(3 − 5) = 0.31 → limited", () => {
    const r = unsdProgress(cost(years({ 2017: 5, 2021: 4.8 })));
    expect(r.measure?.value).toBeCloseTo(0.3106, 3);
    expect(r.status).toBe("limited");
  });

  it("5.0 % → 4.0 %: projected 2030 = 4 × 0.945742^9 = 2.421, share 1.29 → on track", () => {
    const r = unsdProgress(cost(years({ 2017: 5, 2021: 4 })));
    expect(r.measure?.value).toBeCloseTo(1.2895, 3);
    expect(r.status).toBe("on_track");
  });
});

describe("UN ESCAP current status index (hand-worked)", () => {
  it("5.0 % → 4.8 %: CSI = (4.8 − 5)/(3 − 5) = 0.1 after 4 of 13 years (0.3077): 0.1/0.3077 = 0.325 → limited", () => {
    const r = escapProgress(cost(years({ 2017: 5, 2021: 4.8 })));
    expect(r.measure?.value).toBeCloseTo(0.1, 6);
    expect(r.status).toBe("limited");
  });

  it("5.0 % → 4.0 %: CSI 0.5 / 0.3077 = 1.625 → on track; no target → no status", () => {
    expect(escapProgress(cost(years({ 2017: 5, 2021: 4 }))).status).toBe("on_track");
    const none = escapProgress({ ...cost(years({ 2017: 5, 2021: 4 })), target: null });
    expect([none.status, none.reason]).toEqual(["insufficient_data", "no_target"]);
  });
});

describe("insufficient data is never a colour", () => {
  const quarterly = (
    points: SeriesPoint[],
    baselinePeriod: string | null = "2018-Q1",
  ): ProgressInput => ({
    points,
    periodicity: "quarterly",
    direction: "higher_is_better",
    baselinePeriod,
    target: null,
    limits: { min: 0 },
    milestone: false,
    asOf,
  });
  it.each([
    ["no baseline", quarterly(quarters(2018, [1, 2, 3, 4, 5, 6, 7, 8]), null), "no_baseline"],
    [
      "baseline not observed",
      quarterly(quarters(2019, [1, 2, 3, 4, 5, 6, 7, 8])),
      "baseline_not_observed",
    ],
    ["less than two full years", quarterly(quarters(2018, [1, 2, 3, 4, 5, 6])), "too_few_points"],
    [
      "a gap in every later year",
      quarterly(quarters(2018, [1, 2, 3, 4, 5, null, 7, 8])),
      "too_few_points",
    ],
    [
      "stale: last value years ago",
      { ...quarterly(quarters(2018, [1, 2, 3, 4, 5, 6, 7, 8])), asOf: new Date("2026-01-01") },
      "stale",
    ],
  ])("%s", (_name, input, reason) => {
    for (const method of [statcanProgress, unsdProgress, escapProgress]) {
      const r = method(input);
      expect(r.status).toBe("insufficient_data");
      expect(r.score).toBeNull();
      expect(r.reason).toBe(reason);
    }
  });

  it("gives milestones their own scale and context indicators no colour", () => {
    const milestone = {
      ...quarterly(years({ 2019: 0, 2021: 1 })),
      periodicity: "annual" as const,
      milestone: true,
    };
    expect(statcanProgress(milestone).status).toBe("milestone_in_progress");
    expect(statcanProgress({ ...milestone, points: years({ 2019: 0, 2022: 2 }) }).status).toBe(
      "milestone_adopted",
    );
    expect(
      statcanProgress({
        ...quarterly(quarters(2018, [1, 2, 3, 4, 5, 6, 7, 8])),
        direction: "context",
      }).status,
    ).toBe("context");
  });
});

describe("properties", () => {
  const series = fc.array(fc.double({ min: 10, max: 1000, noNaN: true }), {
    minLength: 8,
    maxLength: 16,
  });
  const input = (
    values: number[],
    direction: ProgressInput["direction"] = "higher_is_better",
  ): ProgressInput => ({
    points: quarters(2018, values),
    periodicity: "quarterly",
    direction,
    baselinePeriod: "2018-Q1",
    target: null,
    limits: { min: 0 },
    milestone: false,
    asOf: new Date("2022-06-30T00:00:00Z"),
  });

  it("an improving series never gets a worse score", () => {
    fc.assert(
      fc.property(series, fc.double({ min: 0, max: 0.5, noNaN: true }), (values, lift) => {
        const better = values.map((v, i) => (i >= values.length - 4 ? v * (1 + lift) : v));
        for (const method of [statcanProgress, unsdProgress]) {
          const a = method(input(values)).score ?? 0;
          const b = method(input(better)).score ?? 0;
          expect(b).toBeGreaterThanOrEqual(a - 1e-9);
        }
      }),
    );
  });

  it("flipping the direction mirrors the measure", () => {
    fc.assert(
      fc.property(series, (values) => {
        const up = statcanProgress(input(values, "higher_is_better")).measure?.value ?? 0;
        const down = statcanProgress(input(values, "lower_is_better")).measure?.value ?? 0;
        expect(down).toBeCloseTo(-up, 9);
      }),
    );
  });

  it("seasonality alone does not change the status", () => {
    fc.assert(
      fc.property(series, fc.double({ min: 0, max: 9, noNaN: true }), (values, s) => {
        const seasonal = values.map((v, i) => v + (i % 2 === 0 ? s : -s));
        for (const method of [statcanProgress, unsdProgress]) {
          expect(method(input(seasonal)).status).toBe(method(input(values)).status);
        }
      }),
    );
  });
});

describe("meetsTarget", () => {
  it("compares with the target as the catalog states it", () => {
    const base = { year: 2030, source: { label: "x" } };
    expect(meetsTarget(3, { ...base, value: 3, comparison: "below" })).toBe(false);
    expect(meetsTarget(3, { ...base, value: 3, comparison: "at_most" })).toBe(true);
    expect(meetsTarget(3, { ...base, value: 3, comparison: "above" })).toBe(false);
    expect(meetsTarget(3, { ...base, value: 3, comparison: "at_least" })).toBe(true);
  });
});
