import { describe, expect, it } from "vitest";
import { heapShares } from "../../../scripts/bench/heap-shares";

const MB = 1048576;

describe("heapShares: who held a peak of the JS heap", () => {
  it("splits it by each worker's script: the intake worker, DuckDB's workers, the rest", () => {
    const origin = "http://127.0.0.1:4173/assets";
    expect(
      heapShares({
        page: 17 * MB,
        workers: [
          { url: `${origin}/intake.worker-CqMklNdn.js`, bytes: 181 * MB },
          { url: `${origin}/duckdb-browser-coi.worker-D2-Qa4hF.js`, bytes: 54 * MB },
          { url: `${origin}/duckdb-browser-coi.pthread.worker-BSvKBYxk.js?x=1`, bytes: 49 * MB },
          { url: `${origin}/duckdb-browser-coi.pthread.worker-BSvKBYxk.js`, bytes: 50 * MB },
          { url: `${origin}/other-worker.js`, bytes: 3 * MB },
        ],
      }),
    ).toEqual({ pageMb: 17, intakeMb: 181, engineMb: 153, engineWorkers: 3, otherMb: 3 });
  });

  it("gives zeros when only the page was sampled", () => {
    expect(heapShares({ page: 0, workers: [] })).toEqual({
      pageMb: 0,
      intakeMb: 0,
      engineMb: 0,
      engineWorkers: 0,
      otherMb: 0,
    });
  });
});
