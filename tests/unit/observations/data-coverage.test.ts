import { describe, expect, it } from "vitest";
import { dataCoverage } from "../../../src/lib/observations/data-coverage";
import type { DataSource } from "../../../src/lib/observations/data-sources";

const wb = { id: "wb" } as DataSource;

describe("data coverage of a scope", () => {
  it("counts published, accepted, demo-only and empty indicators from their series", () => {
    const series: Record<
      string,
      { period: string; value: number | null; obs_status?: string; source?: string }[]
    > = {
      cost: [{ period: "2020-Q3", value: 4.1, source: "wb" }],
      returnees: [
        { period: "2025-Q1", value: 100, obs_status: "illustrative" },
        { period: "2025-Q2", value: 120, source: "INM" },
      ],
      detention: [{ period: "2025-Q2", value: 3, obs_status: "illustrative" }],
      trafficking: [{ period: "2020", value: null, obs_status: "censored", source: "wb" }],
      empty: [{ period: "2025-Q2", value: null }],
    };
    const counts = dataCoverage(
      Object.keys(series),
      (id) => series[id] ?? [],
      [wb],
      (id, period) =>
        id === "returnees" && period === "2025-Q2"
          ? { fileName: "q2.csv", acceptedAt: "2026-07-01" }
          : undefined,
    );
    // cost: published; returnees: accepted (its Q2 file) and otherwise demo → accepted only;
    // detention: demo only → none; trafficking: a censored published value counts; empty: none.
    expect(counts).toEqual({ total: 5, published: 2, accepted: 1, demoOnly: 1, none: 2 });
  });
});
