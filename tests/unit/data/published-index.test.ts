import { describe, expect, it } from "vitest";
import {
  indexFromRowRanges,
  parsePublishedIndex,
  rowGroupsFor,
} from "../../../src/lib/published/published-index";

describe("the index of published observations read by range", () => {
  const index = indexFromRowRanges(
    [
      { indicatorId: "a", firstRow: 0, lastRow: 99 },
      { indicatorId: "b", firstRow: 100, lastRow: 250 },
      { indicatorId: "c", firstRow: 251, lastRow: 251 },
    ],
    252,
    100,
    "ranged",
  );

  it("names the row groups holding each indicator's rows", () => {
    expect(index.rowGroups).toEqual({ a: [0], b: [1, 2], c: [2] });
  });

  it("reads each needed row group once, in order, and nothing for unknown indicators", () => {
    expect(rowGroupsFor(index, ["c", "b"])).toEqual([1, 2]);
    expect(rowGroupsFor(index, ["zzz"])).toEqual([]);
  });

  it("round-trips through JSON and refuses anything malformed", () => {
    expect(parsePublishedIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
    expect(parsePublishedIndex({ ...index, layout: "sharded" })).toBeNull();
    expect(parsePublishedIndex({ ...index, rowGroups: { a: [-1] } })).toBeNull();
    expect(parsePublishedIndex({ ...index, rowGroups: { a: "0" } })).toBeNull();
    expect(parsePublishedIndex(null)).toBeNull();
  });

  it("keeps a hostile indicator id as plain data", () => {
    const parsed = parsePublishedIndex({ ...index, rowGroups: { __proto__: [1], a: [0] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed && rowGroupsFor(parsed, ["a"])).toEqual([0]);
  });
});
