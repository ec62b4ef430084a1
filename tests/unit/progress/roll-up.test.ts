import { describe, expect, it } from "vitest";
import type { Observation } from "../../../src/lib/observations/columns";
import {
  headlineSeries,
  indicatorStatus,
  rollUp,
} from "../../../src/lib/progress/indicator-status";
import { projectionPoints } from "../../../src/lib/progress/projection";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const indicator = (id: string) => {
  const found = catalog.indicators.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};
const asOf = new Date("2026-11-28T00:00:00Z");
type Item = { score: number | null; status: string };
const statusesOf = (list: readonly Item[]) =>
  list.map((r, i) => ({
    indicatorId: `x${i}`,
    result: {
      method: "statcan" as const,
      status: r.status as "on_track",
      score: r.score,
      baseline: null,
      current: null,
      measure: null,
      formula: "",
    },
    all: {} as never,
    disagree: false,
    hasData: r.score !== null || r.status === "context",
    latest: null,
  }));

describe("roll-up (Open SDG: mean of per-series scores)", () => {
  it("averages scores, bands the mean, and counts indicators with and without data", () => {
    // Three scored series (+5, −1.4, +1.8) and one without data: mean (5 − 1.4 + 1.8) / 3 = 1.8
    // → acceleration needed; 3 of 4 judgeable indicators scored is enough for a colour.
    const items = statusesOf([
      { score: 5, status: "on_track" },
      { score: -1.4, status: "limited" },
      { score: 1.8, status: "acceleration_needed" },
      { score: null, status: "insufficient_data" },
    ]);
    expect(rollUp(items)).toEqual({
      status: "acceleration_needed",
      score: 1.8,
      total: 4,
      withData: 3,
      scored: 3,
      judgeable: 4,
      enough: true,
    });
    expect(rollUp([]).status).toBe("insufficient_data");
  });

  it("gives no colour when fewer than half of the judgeable indicators have a score", () => {
    // 6 scored of 34 (all on track): the mean is +5, yet the theme is "not enough data".
    const theme = statusesOf([
      ...Array.from({ length: 6 }, () => ({ score: 5, status: "on_track" })),
      ...Array.from({ length: 28 }, () => ({ score: null, status: "insufficient_data" })),
    ]);
    expect(rollUp(theme)).toMatchObject({
      status: "not_enough_data",
      scored: 6,
      judgeable: 34,
      enough: false,
      score: 5,
    });
    // Two scored of four: half, enough; one of three: not; one of two: half, enough.
    const on = { score: 5, status: "on_track" };
    const missing = { score: null, status: "insufficient_data" };
    expect(rollUp(statusesOf([on, on, missing, missing])).status).toBe("on_track");
    expect(rollUp(statusesOf([on, missing, missing])).status).toBe("not_enough_data");
    expect(rollUp(statusesOf([on, missing])).status).toBe("on_track");
    // Context counts cannot be scored, so they do not count against coverage: 3 scored of 3 judgeable.
    const withContext = statusesOf([
      { score: 5, status: "on_track" },
      { score: 3, status: "on_track" },
      { score: 4, status: "on_track" },
      ...Array.from({ length: 5 }, () => ({ score: null, status: "context" })),
    ]);
    expect(rollUp(withContext)).toMatchObject({ status: "on_track", judgeable: 3, enough: true });
  });
});

describe("headline series and status of a real catalog indicator", () => {
  it("takes the catalog's headline (USA corridor) and calls a 2020 series stale in 2026", () => {
    const cost = indicator("remittance-cost-usd200");
    const obs: Observation[] = [2017, 2018, 2019, 2020].flatMap((year) =>
      [1, 2, 3, 4].flatMap((q) =>
        ["USA", "ESP"].map((geography) => ({
          indicator_id: cost.id,
          period: `${year}-Q${q}`,
          time: year + (q - 1) / 4,
          // Above the 5 % corridor target, so the growth toward it is graded, not "target met".
          value: geography === "USA" ? 6.2 - (year - 2017) * 0.2 : 7,
          dimensions: { geography },
          unit: null,
          obs_status: "normal" as const,
          source: null,
          note: null,
        })),
      ),
    );
    const series = headlineSeries(cost, obs);
    expect(series).toHaveLength(16);
    expect(series.every((p) => p.value !== 7)).toBe(true);
    expect(indicatorStatus(cost, series, "statcan", asOf).result.reason).toBe("stale");
    const fresh = indicatorStatus(cost, series, "statcan", new Date("2021-06-01T00:00:00Z"));
    // 6.2 (2017) → 5.6 (2020): CAGR (5.6/6.2)^(1/3) − 1 = −3.34 %; required (5/6.2)^(1/13) − 1 = −1.64 %: R = 2.03
    expect(fresh.result.status).toBe("on_track");
    expect(fresh.result.measure?.value).toBeCloseTo(2.033, 2);
  });
});

describe("projection to the target year", () => {
  it("carries the baseline-to-latest growth to the target year's centre", () => {
    const cost = indicator("remittance-cost-usd200");
    const result = {
      method: "statcan" as const,
      status: "limited" as const,
      score: -1,
      baseline: { time: 2017.5, value: 5, from: "2017-Q1", to: "2017-Q4" },
      current: { time: 2021.5, value: 4.8, from: "2021-Q1", to: "2021-Q4" },
      measure: null,
      formula: "",
    };
    // 4.8 × (0.96^(1/4))^9 = 4.8 × 0.912238 = 4.3787
    const [from, to] = projectionPoints(cost, result);
    expect(from).toMatchObject({ period: "2021-Q4", value: 4.8 });
    expect(to?.period).toBe("2030-Q3");
    expect(to?.value).toBeCloseTo(4.3787, 3);
    expect(projectionPoints(indicator("returnees-received"), result)).toEqual([]);
  });
});
