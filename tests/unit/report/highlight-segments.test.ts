import { describe, expect, it } from "vitest";
import { highlightSegments } from "../../../src/features/report/components/highlight-segments";

describe("highlightSegments", () => {
  const text = "abcdefghij";

  it("marks each quoted run with its commitments and keeps the whole text", () => {
    const segments = highlightSegments(text, [{ id: "x", start: 2, end: 5 }]);
    expect(segments).toEqual([
      { start: 0, text: "ab", commitments: [] },
      { start: 2, text: "cde", commitments: ["x"] },
      { start: 5, text: "fghij", commitments: [] },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("splits overlapping quotes into runs with both commitments", () => {
    const segments = highlightSegments(text, [
      { id: "x", start: 1, end: 6 },
      { id: "y", start: 4, end: 8 },
    ]);
    expect(segments.map((s) => [s.text, s.commitments])).toEqual([
      ["a", []],
      ["bcd", ["x"]],
      ["ef", ["x", "y"]],
      ["gh", ["y"]],
      ["ij", []],
    ]);
  });

  it("returns the text as one plain run without quotes", () => {
    expect(highlightSegments(text, [])).toEqual([{ start: 0, text, commitments: [] }]);
  });
});
