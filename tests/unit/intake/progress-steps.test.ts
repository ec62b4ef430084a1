import { describe, expect, it } from "vitest";
import { byHundredths } from "../../../src/lib/intake/progress-steps";

describe("byHundredths", () => {
  it("passes on the first fraction, then a step of just over a hundredth at a time, and the end", () => {
    const seen: number[] = [];
    const report = byHundredths((fraction) => seen.push(fraction));
    for (let part = 0; part <= 1000; part++) report(part / 1000);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeLessThanOrEqual(101);
    // The last step, to the end, may be shorter.
    for (let i = 1; i < seen.length - 1; i++) {
      const step = (seen[i] ?? 0) - (seen[i - 1] ?? 0);
      expect(step).toBeGreaterThanOrEqual(0.01);
      expect(step).toBeLessThanOrEqual(0.011);
    }
  });

  it("passes on the end even when it follows closely", () => {
    const seen: number[] = [];
    const report = byHundredths((fraction) => seen.push(fraction));
    report(0.995);
    report(1);
    expect(seen).toEqual([0.995, 1]);
  });
});
