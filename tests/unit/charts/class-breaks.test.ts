import { describe, expect, it } from "vitest";
import { classOf, quantileBreaks } from "../../../src/lib/chart/class-breaks";

describe("choropleth classes", () => {
  it("cuts at quantiles, rounded to two significant digits, ending at the extremes", () => {
    // 0, 10, …, 100 (11 values): positions 2, 4, 6, 8 → 20, 40, 60, 80
    const values = Array.from({ length: 11 }, (_, i) => i * 10);
    expect(quantileBreaks(values, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    // 1,234 and 56,789 between: two significant digits
    expect(quantileBreaks([1000, 1234, 56_789, 99_000], 2)).toEqual([1000, 29_000, 99_000]);
  });

  it("gives fewer classes when values repeat, and none without values", () => {
    expect(quantileBreaks([5, 5, 5])).toEqual([5, 5]);
    expect(quantileBreaks([])).toEqual([]);
  });

  it("puts a value in its class, the top break in the last class", () => {
    const breaks = [0, 20, 40, 60, 80, 100];
    expect([0, 19.9, 20, 79, 80, 100].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 3, 4, 4]);
  });
});
