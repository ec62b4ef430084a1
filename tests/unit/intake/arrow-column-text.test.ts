import { Float64, Int64, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { arrowColumnText } from "../../../src/lib/intake/arrow-column-text";

describe("arrowColumnText: a Parquet column as the text of each cell", () => {
  it("reads ASCII, accented text and nulls, in row order", () => {
    const values = ["returnees-received", null, "Francisco Morazán", "", "2025-Q1", "Atlántida"];
    expect(arrowColumnText(vectorFromArray(values, new Utf8()))).toEqual(
      values.map((v) => v ?? ""),
    );
  });

  it("never mixes up two values whose hashes are the same", () => {
    // "Aa" and "BB" have the same 31-based hash: the cache must compare bytes, not trust it.
    const values = ["Aa", "BB", "Aa", "BB", "BB"];
    expect(arrowColumnText(vectorFromArray(values, new Utf8()))).toEqual(values);
  });

  it("reads every chunk of a column made of several record batches, sliced ones too", () => {
    const first = vectorFromArray(["a", "b", "c"], new Utf8());
    const second = vectorFromArray(["x", null, "z", "w"], new Utf8());
    expect(arrowColumnText(first.concat(second))).toEqual(["a", "b", "c", "x", "", "z", "w"]);
    expect(arrowColumnText(second.slice(1))).toEqual(["", "z", "w"]);
  });

  it("writes numbers as JavaScript writes them, 64-bit integers in full", () => {
    expect(arrowColumnText(vectorFromArray([1.5, null, 27481], new Float64()))).toEqual([
      "1.5",
      "",
      "27481",
    ]);
    expect(arrowColumnText(vectorFromArray([9007199254740993n, 2n], new Int64()))).toEqual([
      "9007199254740993",
      "2",
    ]);
  });
});
