/**
 * Offline, in Chromium: one visit installs the service worker and keeps the app and its data;
 * then, with the network off and the server stopped, the overview draws from DuckDB with the
 * published figures and the Data page checks and accepts a file. Back online, a new version (a
 * changed sw.js) is offered and applied only when the user clicks.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";
import { launchChromium } from "../helpers/chromium";

const root = process.env.GCM_DIST ?? "dist";
const fixture = "tests/fixtures/offline-quarter.csv";
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

let server: StaticServer | null = null;
let port = 0;
let origin = "";
let context: BrowserContext;
let page: Page;
let dir: string;
let closeBrowser: () => Promise<void> = async () => {};
const pageErrors: string[] = [];
const cspViolations: string[] = [];
const requests: string[] = [];

async function serve(overrides: Record<string, string> = {}) {
  server = await startStaticServer({ root, port, overrides });
  port = Number(new URL(server.url).port);
  origin = server.url;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gcm-offline-"));
  await serve();
  const browser = await launchChromium();
  closeBrowser = browser.close;
  context = browser.context;
  context.on("request", (request) => requests.push(request.url()));
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Bytes the server sends for one file: its brotli or gzip copy when the build has one. */
function bytesServedFor(path: string): number {
  const file = join(root, path);
  const variant = [`${file}.br`, `${file}.gz`, file].find((f) => existsSync(f)) ?? file;
  return statSync(variant).size;
}

/** What the overview's cards say once the engine's answer has replaced the build's snapshot. */
async function overviewFromEngine(): Promise<string[]> {
  await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForSelector("[data-snapshot]", { state: "detached", timeout: 60_000 });
  await page.waitForSelector("[data-indicator]");
  return page.locator("[data-indicator]").allTextContents();
}

/** Bytes kept per cache (Cache Storage), as the page sees them. */
function cachedBytes(): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      let bytes = 0;
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        bytes += response ? (await response.blob()).size : 0;
      }
      out[name] = bytes;
    }
    return out;
  });
}

/** Whether some cache holds this path of the app. */
function isCached(path: string): Promise<boolean> {
  return page.evaluate(
    async (url) => (await caches.match(url, { ignoreSearch: true })) !== undefined,
    `${origin}${path}`,
  );
}

/** Asks the controlling worker which build it is: only the changed sw.js of the update test answers. */
function controllerBuild(): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return resolve(null);
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(String(event.data));
        controller.postMessage({ type: "GCM_TEST_BUILD" }, [channel.port2]);
        setTimeout(() => resolve(null), 2_000);
      }),
  );
}

const upload = async () => {
  await page.setInputFiles("input[type=file]:not([data-backup-restore])", fixture);
  await page.waitForSelector("[data-summary]", { timeout: 60_000 });
  return page.getAttribute("[data-summary]", "data-summary");
};

let onlineOverview: string[] = [];

describe("the dashboard offline after one visit (service worker)", () => {
  it("serves sw.js as a host must: revalidated every time, as JavaScript", async () => {
    const response = await fetch(`${origin}/sw.js`);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const source = await response.text();
    // Workbox is inside sw.js: nothing is imported, no other site named as a source of code.
    expect(source).not.toMatch(/importScripts\s*\(/);
    expect(source).not.toMatch(/storage\.googleapis|cdn/i);
  });

  it("the first visit installs the worker, which keeps the app, the engine and the data", async () => {
    await page.goto(`${origin}/es/`);
    onlineOverview = await overviewFromEngine();
    expect(onlineOverview.length).toBeGreaterThan(5);
    expect(await page.locator("[data-offline], [data-update-notice]").count()).toBe(0);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 90_000,
    });
    const kept = [
      "/index.html",
      "/data/observations.parquet",
      "/data/observations.index.json",
      "/data/headlines-snapshot.json",
      "/data/funding.parquet",
    ];
    const cachedWasm = () =>
      page.evaluate(async () => {
        const names = await caches.keys();
        const urls = await Promise.all(
          names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)),
        );
        return urls.flat().filter((url) => url.endsWith(".wasm"));
      });
    // The engine is kept after the page names it to the worker, once the worker controls it.
    await expect
      .poll(
        async () =>
          (await Promise.all(kept.map(isCached))).every(Boolean) &&
          (await cachedWasm()).some((url) => /duckdb-eh-/.test(url)),
        { timeout: 60_000 },
      )
      .toBe(true);
    const wasm = await cachedWasm();
    // DuckDB's eh build, the one this page runs, and parquet-wasm; not the mvp build (browsers
    // without wasm exceptions) nor the threaded coi build (cross-origin isolated hosts).
    expect(wasm.some((url) => /duckdb-eh-/.test(url))).toBe(true);
    expect(wasm.some((url) => /parquet_wasm_bg-/.test(url))).toBe(true);
    expect(wasm.some((url) => /duckdb-mvp-/.test(url))).toBe(false);
    expect(wasm.some((url) => /duckdb-coi-/.test(url))).toBe(false);
    const sentPaths = [...(server?.sent.keys() ?? [])];
    expect(sentPaths.filter((path) => /duckdb-(browser-)?(coi|mvp)/.test(path))).toEqual([]);
    // The worker's install took the engine the page had just downloaded from the HTTP cache: the
    // 34 MB wasm crossed the network once (brotli), not twice.
    const sent = [...(server?.sent.entries() ?? [])];
    const ehWasm = sent.find(([path]) => /duckdb-eh-.*\.wasm$/.test(path));
    expect(ehWasm).toBeDefined();
    const [ehPath = "", ehSent = 0] = ehWasm ?? [];
    expect(ehSent).toBe(bytesServedFor(ehPath));
    const bytes = await cachedBytes();
    const total = Object.values(bytes).reduce((a, b) => a + b, 0);
    const transferred = sent.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `first visit: ${(transferred / 1048576).toFixed(1)} MB transferred; cached: ${(total / 1048576).toFixed(1)} MB (${Object.entries(
        bytes,
      )
        .map(([name, n]) => `${name.replace(/-http.*$/, "")} ${(n / 1048576).toFixed(2)} MB`)
        .join(", ")})`,
    );
  });

  it("a second visit online takes the engine from the worker's cache, not the network", async () => {
    server?.resetCounts();
    const wasmAnswers: [string, boolean][] = [];
    const onResponse = (response: Response) => {
      if (response.url().endsWith(".wasm"))
        wasmAnswers.push([new URL(response.url()).pathname, response.fromServiceWorker()]);
    };
    context.on("response", onResponse);
    await page.reload();
    await overviewFromEngine();
    context.off("response", onResponse);
    expect(wasmAnswers.length).toBeGreaterThan(0);
    expect(wasmAnswers.filter(([, fromWorker]) => !fromWorker)).toEqual([]);
    const downloadedWasm = [...(server?.sent.entries() ?? [])].filter(([path]) =>
      path.endsWith(".wasm"),
    );
    expect(downloadedWasm).toEqual([]);
  });

  it("offline, with the server gone, the overview draws from DuckDB with the published figures", async () => {
    await context.setOffline(true);
    await server?.close();
    server = null;
    await page.reload();
    expect(await overviewFromEngine()).toEqual(onlineOverview);
    const notice = (await page.locator("[data-offline]").textContent()) ?? "";
    expect(notice).toMatch(
      /^Sin conexión: se muestran los datos guardados en este equipo \(publicados el \d{1,2} de [a-z]+ de \d{4}\)$/,
    );
  });

  it("offline, the Data page opens and checks and accepts an uploaded CSV", async () => {
    await page.goto(`${origin}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    expect(await upload()).toBe("0/0/3");
    expect(await page.getAttribute("[data-diff-counts]", "data-diff-counts")).toBe("3/0/0");
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click();
    await page.waitForSelector(".notice--ok");
    await page.waitForSelector('[data-submission="offline-quarter.csv"][data-status="active"]');
  });

  it("back online, a new version is offered while the officer works, and applied only on click", async () => {
    // A second build: the same app with a changed sw.js, which also says which build it is.
    const changed = join(dir, "sw.js");
    await writeFile(
      changed,
      `${await readFile(join(root, "sw.js"), "utf8")}
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "GCM_TEST_BUILD") event.ports[0].postMessage("second build");
});
`,
    );
    await serve({ "/sw.js": changed });
    // Halfway through checking a file: its findings are on screen.
    await page.goto(`${origin}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await upload();
    await page.evaluate(() => {
      (window as unknown as { workInProgress: boolean }).workInProgress = true;
    });
    expect(await controllerBuild()).toBeNull();

    await context.setOffline(false);
    const notice = page.locator("[data-update-notice]");
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toBe("Hay una versión nueva del tablero.Actualizar");
    // Nothing was swapped or reloaded: the work is still there and the old worker still answers.
    await page.waitForTimeout(2_000);
    expect(
      await page.evaluate(() => (window as unknown as { workInProgress?: boolean }).workInProgress),
    ).toBe(true);
    expect(await page.locator("[data-summary]").count()).toBe(1);
    expect(await controllerBuild()).toBeNull();
    expect(
      await page.evaluate(async () =>
        Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
      ),
    ).toBe(true);

    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
      });
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    });
    expect(violations).toEqual([]);

    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: "Actualizar" }).click(),
    ]);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    expect(
      await page.evaluate(() => (window as unknown as { workInProgress?: boolean }).workInProgress),
    ).toBeUndefined();
    expect(await controllerBuild()).toBe("second build");
    expect(
      await page.evaluate(async () =>
        Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
      ),
    ).toBe(false);
    expect(await page.locator("[data-update-notice]").count()).toBe(0);
    // The update fetched no wasm again: the new worker reused what was kept.
    const downloadedWasm = [...(server?.sent.entries() ?? [])].filter(([path]) =>
      path.endsWith(".wasm"),
    );
    expect(downloadedWasm).toEqual([]);
  });

  it("never left the app's origin, broke its Content-Security-Policy or threw", () => {
    expect(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual(
      [],
    );
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
