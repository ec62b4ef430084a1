import { describe, expect, it } from "vitest";
import type { AlternativesReport, Target } from "../../../scripts/bench/alternatives";
import {
  atMost,
  heapWithinFileMultiple,
  ratioCheck,
  ratioChecks,
  targetTableMarkdown,
} from "../../../scripts/bench/bench-targets";

describe("the bench's target table", () => {
  it("says a time under its goal is met, and one over it missed by how much", () => {
    expect(atMost("CSV", "threaded", 3000, 2400, "ms")).toMatchObject({ met: true, miss: null });
    // 4,500 ms against 3,000: 1,500 over, 1.5 times the goal.
    expect(atMost("CSV", "threaded", 3000, 4500, "ms")).toMatchObject({
      met: false,
      measured: "4500 ms",
      miss: "+1500 ms (1.5× the goal)",
    });
    expect(atMost("CSV", "", 3000, null, "ms")).toMatchObject({
      met: null,
      measured: "not measured",
    });
  });

  it("holds the peak heap to a multiple of the file's size", () => {
    const tenMb = 10 * 1048576;
    // 4 × 10 MB = 40 MB allowed.
    expect(heapWithinFileMultiple("heap", "", 4, tenMb, 40).met).toBe(true);
    const over = heapWithinFileMultiple("heap", "", 4, tenMb, 60);
    expect(over.met).toBe(false);
    expect(over.measured).toBe("60 MB (6.00× the file)");
    expect(over.miss).toBe("+20 MB (1.50× the goal)");
    expect(heapWithinFileMultiple("heap", "", 4, null, 60).met).toBeNull();
  });

  it("reads the engine ratios both ways: faster than Arquero, no slower than native", () => {
    const slowVsArquero: Target = {
      kind: "vs-arquero",
      lane: "duckdb-wasm",
      goal: 3,
      ratio: 1.5,
      met: false,
    };
    expect(ratioCheck("1M", "aggregation", slowVsArquero)).toMatchObject({
      goal: "≥ 3× faster",
      measured: "1.50× faster",
      miss: "needs 2.00× more speed",
    });
    const slowVsNative: Target = {
      kind: "vs-native",
      lane: "duckdb-wasm-threads",
      goal: 2,
      ratio: 5,
      met: false,
    };
    expect(ratioCheck("1M", "ingest", slowVsNative)).toMatchObject({
      goal: "≤ 2× slower",
      miss: "2.50× over the limit",
    });
  });

  it("takes the ratio targets of one size only, and counts met and missed", () => {
    const target: Target = {
      kind: "vs-native",
      lane: "duckdb-wasm",
      goal: 2,
      ratio: 1.2,
      met: true,
    };
    const row = (size: number) => ({
      size,
      question: "ingest-csv" as const,
      kind: "ingest" as const,
      medianMs: {},
      minMs: {},
      wasm: [
        {
          lane: "duckdb-wasm",
          threads: 1,
          medianMs: 10,
          vsArquero: null,
          nativeSameThreads: null,
          vsNativeSameThreads: 1.2,
          vsNative2: null,
          vsPapaparse: null,
          targets: [target],
        },
      ],
    });
    const report = { ratios: [row(100_000), row(1_000_000)] } as unknown as AlternativesReport;
    const checks = ratioChecks(report, 1_000_000);
    expect(checks).toHaveLength(1);
    expect(checks[0]?.target).toContain("(1M rows)");
    const table = targetTableMarkdown([...checks, atMost("x", "", 1, 2, "ms")]);
    expect(table.at(-1)).toBe("1 met, 1 missed, 0 not measured.");
  });
});
