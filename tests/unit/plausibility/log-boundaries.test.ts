import { describe, expect, it } from "vitest";
import { addWarnings } from "../../../src/lib/plausibility/add-warnings";
import { ratioBounds } from "../../../src/lib/plausibility/log-boundaries";

describe("ratioBounds", () => {
  it.each([3, 1.5])("finds where |Math.log(r)| first exceeds ln %s, on both sides of 1", (t) => {
    const { above, below } = ratioBounds(t);
    const limit = Math.log(t);
    expect(Math.log(above) > limit).toBe(true);
    expect(Math.log(above * (1 - 1e-15)) > limit).toBe(false);
    expect(Math.log(below) < -limit).toBe(true);
    expect(Math.log(below * (1 + 1e-15)) < -limit).toBe(false);
    expect(above).toBeCloseTo(t, 12);
    expect(below).toBeCloseTo(1 / t, 12);
  });

  it("agrees with Math.log on the ratio that made DuckDB and V8 differ: 2 → 0 against ln 3", () => {
    const { below } = ratioBounds(3);
    expect(Math.log(1 / 3) < -Math.log(3)).toBe(1 / 3 <= below);
  });
});

describe("addWarnings", () => {
  it("lists the new warnings after the file's own findings and counts them", () => {
    const warning = { severity: "warning" as const, code: "rule_broken" as const, file: "f" };
    const result = {
      findings: [{ ...warning, code: "unusual_jump" as const }],
      warnings: 1,
      errors: 0,
    };
    expect(addWarnings(result, [warning])).toEqual({
      findings: [{ ...warning, code: "unusual_jump" }, warning],
      warnings: 2,
      errors: 0,
    });
    expect(addWarnings(result, [])).toBe(result);
  });
});
