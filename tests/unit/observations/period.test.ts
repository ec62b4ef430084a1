import { describe, expect, it } from "vitest";
import {
  parsePeriod,
  sameTimeLastYear,
  toFractionalYear,
} from "../../../src/lib/observations/period";

describe("parsePeriod", () => {
  it.each([
    ["2024", "2024"],
    ["2024-Q3", "2024-Q3"],
    ["2024Q3", "2024-Q3"],
    ["2024 q3", "2024-Q3"],
    ["2024-T1", "2024-Q1"],
    ["T1 2024", "2024-Q1"],
    ["Q4 2019", "2019-Q4"],
    ["III trimestre 2024", "2024-Q3"],
    ["IV Trimestre de 2023", "2023-Q4"],
    ["3er trimestre 2024", "2024-Q3"],
    ["2024-03", "2024-03"],
    ["2024-7", "2024-07"],
    ["07/2024", "2024-07"],
    ["julio 2024", "2024-07"],
    ["Septiembre de 2021", "2021-09"],
    ["  2024-q2  ", "2024-Q2"],
  ])("normalises %j to %s", (input, code) => {
    const result = parsePeriod(input);
    expect(result.ok && result.period.code).toBe(code);
  });

  it.each(["2024Q5", "2024-Q0", "2024-13", "1700", "V trimestre 2024"])(
    "calls %j impossible or unparseable",
    (input) => {
      expect(parsePeriod(input).ok).toBe(false);
    },
  );

  it("tells an impossible period from an unreadable one", () => {
    expect(parsePeriod("2024Q5")).toEqual({ ok: false, reason: "impossible" });
    expect(parsePeriod("last spring")).toEqual({ ok: false, reason: "unparseable" });
    expect(parsePeriod("")).toEqual({ ok: false, reason: "unparseable" });
  });

  it("places periods in fractional years", () => {
    const at = (text: string) => {
      const r = parsePeriod(text);
      if (!r.ok) throw new Error(text);
      return toFractionalYear(r.period);
    };
    expect(at("2024")).toBe(2024);
    expect(at("2024-Q3")).toBe(2024.5);
    expect(at("2024-07")).toBe(2024.5);
    expect(at("2024-Q2")).toBeLessThan(at("2024-Q3"));
  });

  it("finds the same quarter a year earlier", () => {
    const r = parsePeriod("2024-Q1");
    if (!r.ok) throw new Error("parse");
    expect(sameTimeLastYear(r.period).code).toBe("2023-Q1");
  });
});
