import { describe, expect, it } from "vitest";
import { serialToIsoDate } from "../../../../src/lib/intake/xlsx/cell-text";
import { isDateFormat, isDateFormatCode } from "../../../../src/lib/intake/xlsx/date-format";

describe("date formats", () => {
  it("knows dates by their format code, whatever the locale prefix, colour or quoted text", () => {
    for (const code of [
      "dd/mm/yyyy",
      "m/d/yy;@",
      "[$-409]mmmm\\ yyyy;@",
      'd "de" mmmm "de" yyyy',
      "yyyy-mm-dd hh:mm:ss",
      "[h]:mm:ss",
    ])
      expect(isDateFormatCode(code), code).toBe(true);
  });

  it("does not take numbers, percentages or currencies for dates", () => {
    for (const code of ["0.00", "#,##0", "0%", '"$"#,##0.00', "[Red]0.0", "General", "@"])
      expect(isDateFormatCode(code), code).toBe(false);
  });

  it("knows the built-in date formats by id", () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(22, undefined)).toBe(true);
    expect(isDateFormat(4, undefined)).toBe(false);
  });

  it("converts serial days in both date systems", () => {
    // 1 March 1900 is serial 61 in the 1900 system, which counts a 29 February 1900 that never was.
    expect(serialToIsoDate(61, false)).toBe("1900-03-01");
    expect(serialToIsoDate(1, true)).toBe("1904-01-02");
    expect(serialToIsoDate(45000.75, false)).toBe("2023-03-15");
    expect(serialToIsoDate(1e12, false)).toBeNull();
  });
});
