import { describe, expect, it } from "vitest";
import { byPeriod, toYears } from "../../../src/lib/observations/department-values";

const q = (code: string, period: string, value: number | null) => ({
  code,
  period,
  time: Number(period.slice(0, 4)) + (Number(period.slice(6)) - 1) / 4,
  value,
});

describe("department values", () => {
  it("groups by period, oldest first", () => {
    const periods = byPeriod([
      q("HN-CR", "2025-Q2", 2),
      q("HN-AT", "2025-Q1", 1),
      q("HN-CR", "2025-Q1", 3),
    ]);
    expect([...periods.keys()]).toEqual(["2025-Q1", "2025-Q2"]);
    expect(periods.get("2025-Q1")?.get("HN-CR")?.value).toBe(3);
  });

  it("sums a year's four quarters, and gives no value for an incomplete year", () => {
    const years = toYears([
      q("HN-AT", "2024-Q1", 10),
      q("HN-AT", "2024-Q2", 20),
      q("HN-AT", "2024-Q3", 30),
      q("HN-AT", "2024-Q4", 40),
      q("HN-CR", "2024-Q1", 5),
      q("HN-CR", "2024-Q2", null),
      q("HN-CR", "2024-Q3", 5),
      q("HN-CR", "2024-Q4", 5),
      q("HN-FM", "2025-Q1", 7),
    ]);
    // 10 + 20 + 30 + 40 = 100; Cortés has a missing quarter; Francisco Morazán only one.
    expect(years.map((y) => [y.code, y.period, y.value])).toEqual([
      ["HN-AT", "2024", 100],
      ["HN-CR", "2024", null],
      ["HN-FM", "2025", null],
    ]);
  });
});
