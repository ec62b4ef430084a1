import { describe, expect, it } from "vitest";
import { isStale } from "../../../src/lib/progress/staleness";

describe("stale figures", () => {
  const asOf = new Date("2026-11-30T00:00:00Z");
  it("flags a quarterly figure whose quarter ended more than 3 years ago", () => {
    // 2020-Q3 ended at 2020.75; 2026-11-30 is ≈ 2026.91: 6.2 years > 3
    expect(isStale("2020-Q3", "quarterly", asOf)).toBe(true);
    // 2023-Q4 ended at 2024.0: 2.9 years
    expect(isStale("2023-Q4", "quarterly", asOf)).toBe(false);
    expect(isStale("2023-Q3", "quarterly", asOf)).toBe(true);
  });

  it("gives annual series five years", () => {
    // 2021 ended at 2022.0: 4.9 years; 2020 ended at 2021.0: 5.9 years
    expect(isStale("2021", "annual", asOf)).toBe(false);
    expect(isStale("2020", "annual", asOf)).toBe(true);
  });
});
