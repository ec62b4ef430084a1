import { describe, expect, it } from "vitest";
import { shiftDecimal } from "../../../src/lib/sdmx/shift-decimal";

describe("shiftDecimal (UNIT_MULT)", () => {
  it("moves the decimal point without floating-point error", () => {
    expect(shiftDecimal("1.234", 3)).toBe("1234");
    expect(shiftDecimal("0.1", 1)).toBe("1");
    expect(shiftDecimal("0.07", 2)).toBe("7");
    expect(shiftDecimal("1.25", 6)).toBe("1250000");
    expect(shiftDecimal("5", -2)).toBe("0.05");
    expect(shiftDecimal("-12.5", -1)).toBe("-1.25");
    expect(shiftDecimal("1.5e-7", 3)).toBe("0.00015");
    expect(shiftDecimal("2e21", -21)).toBe("2");
  });

  it("leaves units and text that is not a plain number as they are", () => {
    expect(shiftDecimal("3.3", 0)).toBe("3.3");
    expect(shiftDecimal("n/d", 3)).toBe("n/d");
    expect(shiftDecimal("1,5", 3)).toBe("1,5");
  });
});
