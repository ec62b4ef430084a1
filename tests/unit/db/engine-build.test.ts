import { describe, expect, it } from "vitest";
import {
  engineBuildNameOf,
  engineThreadsFor,
  maxEngineThreads,
} from "../../../src/lib/db/engine-build";

describe("which DuckDB-wasm build runs", () => {
  it("names the build from the wasm file Vite emitted, hash and query aside", () => {
    expect(engineBuildNameOf("/assets/duckdb-coi-Bx12.wasm")).toBe("coi");
    expect(engineBuildNameOf("http://h/assets/duckdb-eh-9f.wasm?v=1")).toBe("eh");
    expect(engineBuildNameOf("/assets/duckdb-mvp-00.wasm#x")).toBe("mvp");
  });

  it("gives the threaded build every core up to the cap, and one when the browser hides the count", () => {
    expect(engineThreadsFor(2)).toBe(2);
    expect(engineThreadsFor(64)).toBe(maxEngineThreads);
    expect(engineThreadsFor(undefined)).toBe(1);
    expect(engineThreadsFor(0)).toBe(1);
    expect(engineThreadsFor(Number.NaN)).toBe(1);
    expect(engineThreadsFor(3.7)).toBe(3);
  });
});
