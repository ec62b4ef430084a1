import { mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getManifest } from "workbox-build";
import {
  isBuiltAsset,
  isNavigation,
  isPublishedData,
  oneKeyForEveryPage,
  precacheFiles,
  serviceWorkerOptions,
} from "../../../scripts/service-worker/service-worker-options";

describe("precache: what the service worker downloads when it installs", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gcm-sw-"));
    await mkdir(join(dir, "assets"));
    await mkdir(join(dir, "data/releases/2026.1"), { recursive: true });
    const files = [
      "index.html",
      "index.html.br",
      "favicon.svg",
      "sw.js",
      "assets/index-Ab12Cd34.js",
      "assets/index-Ab12Cd34.js.br",
      "assets/index-Ab12Cd34.js.gz",
      "assets/index-Ef56Gh78.css",
      "assets/intake.worker-Zz99Yy88.js",
      "assets/parquet_wasm_bg-Qq11Ww22.wasm",
      "assets/duckdb-browser-eh.worker-Ee11Hh22.js",
      "assets/duckdb-browser-mvp.worker-Mm33Vv44.js",
      "assets/duckdb-mvp-Mm55Vv66.wasm",
      "assets/duckdb-browser-coi.worker-Cc11Oo22.js",
      "assets/duckdb-browser-coi.pthread.worker-Cc33Oo44.js",
      "assets/duckdb-coi-Cc55Oo66.wasm",
      "data/observations.parquet",
      "data/releases/index.json",
      "data/releases/2026.1/observations.parquet",
    ];
    for (const file of files) await writeFile(join(dir, file), `contents of ${file}`);
    await writeFile(join(dir, "assets/duckdb-eh-Ee33Hh44.wasm"), "contents");
    // Larger than Workbox's default limit of 2 MB, as parquet-wasm's 4.8 MB is.
    await truncate(join(dir, "assets/parquet_wasm_bg-Qq11Ww22.wasm"), 5 * 1024 * 1024);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("takes the page, the icon and every built asset, however large, but none of DuckDB's three builds", async () => {
    const { manifestEntries, warnings } = await getManifest({
      globDirectory: dir,
      ...precacheFiles,
    });
    expect(warnings).toEqual([]);
    // The page names the one build it runs and the worker keeps that (urls-to-warm.ts).
    expect(manifestEntries?.map((e) => e.url).sort()).toEqual([
      "assets/index-Ab12Cd34.js",
      "assets/index-Ef56Gh78.css",
      "assets/intake.worker-Zz99Yy88.js",
      "assets/parquet_wasm_bg-Qq11Ww22.wasm",
      "favicon.svg",
      "index.html",
    ]);
  });

  it("trusts the hashed names under assets/ and revises the page and icon by their content", async () => {
    const { manifestEntries } = await getManifest({ globDirectory: dir, ...precacheFiles });
    const revision = (url: string) => manifestEntries?.find((e) => e.url === url)?.revision;
    expect(revision("assets/index-Ab12Cd34.js")).toBeNull();
    expect(revision("assets/parquet_wasm_bg-Qq11Ww22.wasm")).toBeNull();
    expect(revision("index.html")).toMatch(/^[0-9a-f]{32}$/);
    expect(revision("favicon.svg")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("builds a worker that carries Workbox inside it, waits for the user to update, and claims the first visit", () => {
    const options = serviceWorkerOptions("/tmp/build");
    expect(options.swDest).toBe("/tmp/build/sw.js");
    expect(options.inlineWorkboxRuntime).toBe(true);
    expect(options.skipWaiting).toBe(false);
    expect(options.clientsClaim).toBe(true);
    expect(options.importScripts).toBeUndefined();
    expect(options.directoryIndex).toBeNull();
  });
});

describe("runtime rules: which requests the worker answers, and how", () => {
  // The matchers run inside the worker, where `location` is sw.js's own address: each test sets it.
  afterEach(() => vi.unstubAllGlobals());

  const at = (path: string, init: RequestInit = {}, sameOrigin = true) => {
    const url = new URL(path, "https://monitor.example.hn/");
    return { url, request: new Request(url, init), sameOrigin };
  };

  it("treats everything under data/ as published data, releases included", () => {
    vi.stubGlobal("location", new URL("https://monitor.example.hn/sw.js"));
    expect(isPublishedData(at("/data/observations.parquet"))).toBe(true);
    expect(isPublishedData(at("/data/releases/index.json"))).toBe(true);
    expect(isPublishedData(at("/data/releases/2026.1/headlines-snapshot.json"))).toBe(true);
    expect(isPublishedData(at("/data/demo/funding.parquet"))).toBe(true);
  });

  it("leaves the Data page's route, other folders, other sites and byte-range reads alone", () => {
    vi.stubGlobal("location", new URL("https://monitor.example.hn/sw.js"));
    expect(isPublishedData(at("/es/data"))).toBe(false);
    expect(isPublishedData(at("/assets/index-Ab12Cd34.js"))).toBe(false);
    expect(isPublishedData(at("/data/observations.parquet", {}, false))).toBe(false);
    const ranged = at("/data/observations.parquet", { headers: { Range: "bytes=0-1023" } });
    expect(isPublishedData(ranged)).toBe(false);
  });

  it("follows the base path sw.js is served under", () => {
    vi.stubGlobal("location", new URL("https://example.org/pmm/sw.js"));
    expect(isPublishedData(at("/pmm/data/funding.parquet"))).toBe(true);
    expect(isPublishedData(at("/data/funding.parquet"))).toBe(false);
    expect(isBuiltAsset(at("/pmm/assets/index-Ab12Cd34.js"))).toBe(true);
    expect(isBuiltAsset(at("/assets/index-Ab12Cd34.js"))).toBe(false);
  });

  it("recognises built assets of this site only", () => {
    vi.stubGlobal("location", new URL("https://monitor.example.hn/sw.js"));
    expect(isBuiltAsset(at("/assets/duckdb-mvp-Mm55Vv66.wasm"))).toBe(true);
    expect(isBuiltAsset(at("/assets/duckdb-mvp-Mm55Vv66.wasm", {}, false))).toBe(false);
    expect(isBuiltAsset(at("/data/observations.parquet"))).toBe(false);
  });

  it("keeps every route's page under one key, the app's index.html", async () => {
    vi.stubGlobal("location", new URL("https://example.org/pmm/sw.js"));
    expect(await oneKeyForEveryPage()).toBe("https://example.org/pmm/index.html");
  });

  it("knows a navigation from a fetch", () => {
    const navigation = { mode: "navigate" } as Request;
    expect(isNavigation({ ...at("/es/data"), request: navigation })).toBe(true);
    expect(isNavigation(at("/es/data"))).toBe(false);
    // The embed view always comes from the network, with its own framing headers.
    expect(
      isNavigation({ ...at("/es/embed/indicators/remittance-cost-usd200"), request: navigation }),
    ).toBe(false);
    expect(isNavigation({ ...at("/en/embed/indicators/x"), request: navigation })).toBe(false);
    expect(isNavigation({ ...at("/pmm/es/embed/indicators/x"), request: navigation })).toBe(false);
  });
});
