import { describe, expect, it } from "vitest";
import { urlsToWarm } from "../../../src/app/service-worker/urls-to-warm";

const base = "https://monitor.example.hn/";

describe("urlsToWarm: what a first visit hands its service worker to keep", () => {
  it("keeps the app's built files and published data, each once, and nothing else", () => {
    const loaded = [
      { name: `${base}assets/index-abc.js`, responseStatus: 200 },
      { name: `${base}assets/index-abc.js`, responseStatus: 200 },
      { name: `${base}data/observations.parquet`, responseStatus: 200 },
      { name: `${base}data/releases/index.json`, responseStatus: 200 },
      { name: `${base}data/releases/2026.1/observations.parquet#part`, responseStatus: 200 },
      { name: `${base}favicon.svg`, responseStatus: 200 },
      { name: `${base}es/data`, responseStatus: 200 },
      { name: "https://cdn.example.com/data/observations.parquet", responseStatus: 200 },
      { name: "blob:https://monitor.example.hn/1234", responseStatus: 200 },
    ];
    expect(urlsToWarm(loaded, base)).toEqual([
      `${base}assets/index-abc.js`,
      `${base}data/observations.parquet`,
      `${base}data/releases/index.json`,
      `${base}data/releases/2026.1/observations.parquet`,
    ]);
  });

  it("leaves out a file the page read by byte range, even if it was also read whole", () => {
    const loaded = [
      { name: `${base}data/observations.index.json`, responseStatus: 200 },
      { name: `${base}data/observations.parquet`, responseStatus: 206 },
      { name: `${base}data/observations.parquet`, responseStatus: 200 },
    ];
    expect(urlsToWarm(loaded, base)).toEqual([`${base}data/observations.index.json`]);
  });

  it("keeps a file whose status the browser does not report", () => {
    expect(urlsToWarm([{ name: `${base}data/funding.parquet` }], base)).toEqual([
      `${base}data/funding.parquet`,
    ]);
  });

  it("follows the app's base path", () => {
    const under = "https://example.org/pmm/";
    const loaded = [
      { name: "https://example.org/pmm/data/funding.parquet" },
      { name: "https://example.org/data/funding.parquet" },
    ];
    expect(urlsToWarm(loaded, under)).toEqual(["https://example.org/pmm/data/funding.parquet"]);
  });

  it("adds the engine build the page runs, which its worker fetched out of the page's sight", () => {
    const loaded = [{ name: `${base}assets/index-abc.js`, responseStatus: 200 }];
    const engine = [
      `${base}assets/duckdb-coi-Aa11.wasm`,
      `${base}assets/duckdb-browser-coi.worker-Bb22.js`,
      `${base}assets/duckdb-browser-coi.pthread.worker-Cc33.js`,
    ];
    expect(urlsToWarm(loaded, base, [...engine, `${base}assets/index-abc.js`])).toEqual([
      `${base}assets/index-abc.js`,
      ...engine,
    ]);
    // Only the app's own files, as for everything else it keeps.
    expect(urlsToWarm([], base, ["https://cdn.example.com/assets/duckdb-eh.wasm"])).toEqual([]);
  });
});
