/**
 * The same build served both ways: with the cross-origin isolation headers (DuckDB-wasm's threaded
 * build) and without (its single-threaded build). Both give the same answers; under COEP the
 * embed view can still be framed by another site and the service worker still serves an isolated
 * page offline.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Frame, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import {
  type BrowserSession,
  browserSessionPerFile,
  foreignRequests,
} from "../helpers/browser-session";

const isolated = browserSessionPerFile({ crossOriginIsolation: true });
const singleThreaded = browserSessionPerFile({ crossOriginIsolation: false });
const indicatorPath = "/es/indicators/remittance-cost-usd200";

async function engineOf(page: Page | Frame) {
  const status = page.locator('[data-engine="ready"]');
  await status.waitFor({ timeout: 60_000 });
  return {
    build: await status.getAttribute("data-engine-build"),
    threads: Number(await status.getAttribute("data-engine-threads")),
    isolated: await page.evaluate(() => globalThis.crossOriginIsolated),
  };
}

/** Each row of the indicator page's data table as its cells' text. */
async function tableRows(page: Page | Frame, scope: string): Promise<string[][]> {
  const rows = `${scope} .data-table tbody tr`;
  await page.waitForSelector(rows, { timeout: 60_000 });
  return page
    .locator(rows)
    .evaluateAll((all) => all.map((row) => [...row.children].map((c) => c.textContent ?? "")));
}

/** What the overview shows once the engine (not the snapshot) has answered. */
async function overviewFigures(page: Page): Promise<string[]> {
  await page.waitForSelector("[data-snapshot]", { state: "detached", timeout: 60_000 });
  await page.waitForSelector("[data-tile] [data-figure-kind]", { timeout: 60_000 });
  return page.locator("[data-indicator]").allTextContents();
}

async function answersOf(session: BrowserSession) {
  const page = await session.context.newPage();
  await page.goto(`${session.url}/es/`);
  const engine = await engineOf(page);
  const overview = await overviewFigures(page);
  await page.goto(`${session.url}${indicatorPath}`);
  const table = await tableRows(page, "section[aria-labelledby=table-heading]");
  await page.close();
  return { engine, overview, table };
}

const hosts: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const host of hosts) await host.close();
});

/** Another site (`localhost`, not the app's `127.0.0.1`) serving one page with `headers`. */
async function startHostSite(html: string, headers: Record<string, string> = {}) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...headers }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  const host = {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  hosts.push(host);
  return host;
}

describe("the threaded engine on a cross-origin isolated page", () => {
  it("runs DuckDB-wasm's threaded build with one thread per core (up to 4), says so, and draws the overview", async () => {
    const session = isolated();
    const { page, url } = session;
    await page.goto(`${url}/es/`);
    const status = page.locator('[data-engine="ready"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await status.getAttribute("data-engine-build")).toBe("coi");
    expect(Number(await status.getAttribute("data-engine-threads"))).toBe(
      Math.max(1, Math.min(4, cores)),
    );
    expect(await status.textContent()).toContain("versión multihilo");
    // The overview's figures come from the threaded engine like from any other.
    await page.waitForSelector("[data-tile] [data-figure-kind]", { timeout: 60_000 });
    await page.goto(`${url}${indicatorPath}`);
    await page.waitForSelector("[data-chart] svg path", { state: "attached", timeout: 60_000 });
    expect(foreignRequests(session)).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });

  it("gives the same overview and indicator table as the single-threaded build on a page served without the headers", async () => {
    const threaded = await answersOf(isolated());
    const single = await answersOf(singleThreaded());
    expect(threaded.engine.build).toBe("coi");
    expect(threaded.engine.isolated).toBe(true);
    expect(single.engine).toEqual({ build: "eh", threads: 1, isolated: false });
    expect(threaded.overview.length).toBeGreaterThan(5);
    expect(threaded.overview).toEqual(single.overview);
    expect(threaded.table.length).toBeGreaterThan(3);
    expect(threaded.table).toEqual(single.table);
  });

  it("under COEP the embed view is still framed by another site, isolated or not", async () => {
    const { url, context } = isolated();
    const embedPath = "/es/embed/indicators/remittance-cost-usd200";
    const response = await fetch(`${url}${embedPath}`);
    expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(response.headers.get("x-frame-options")).toBeNull();
    const frameHtml = (
      allow: string,
    ) => `<!doctype html><html lang="en"><head><title>A ministry's page</title></head><body>
<iframe src="${url}${embedPath}"${allow} title="Remittance cost" width="640" height="760"></iframe></body></html>`;
    const plainHost = await startHostSite(frameHtml(""));
    // An isolated host must delegate isolation to a cross-origin frame for the frame to have it.
    const isolatedHost = await startHostSite(frameHtml(' allow="cross-origin-isolated"'), {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    for (const [host, hostIsolated] of [
      [plainHost, false],
      [isolatedHost, true],
    ] as const) {
      const page = await context.newPage();
      await page.goto(host.url);
      const frame = await (await page.locator("iframe").elementHandle())?.contentFrame();
      if (!frame) throw new Error("the embed's iframe has no frame");
      await frame.locator('[data-engine="ready"]').waitFor({ timeout: 60_000 });
      // A frame is isolated only when the page framing it is and lets it be (then it may run
      // threads too); the embed has no status bar to say which build it runs.
      expect(await frame.evaluate(() => globalThis.crossOriginIsolated)).toBe(hostIsolated);
      expect((await tableRows(frame, "main.embed")).length).toBeGreaterThan(3);
      await frame.waitForSelector(".trend-chart svg path", { state: "attached" });
      await page.close();
    }
  });

  it("offline, the service worker serves the page still isolated, and the threaded build runs from its cache", async () => {
    const { url, context } = isolated();
    const page = await context.newPage();
    await page.goto(`${url}/es/`);
    await engineOf(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 90_000,
    });
    await page.waitForFunction(
      async () => (await caches.keys()).length > 0 && navigator.serviceWorker.controller !== null,
      null,
      { timeout: 90_000 },
    );
    await context.setOffline(true);
    try {
      await page.reload();
      const engine = await engineOf(page);
      expect(engine.isolated).toBe(true);
      expect(engine.build).toBe("coi");
      expect((await overviewFigures(page)).length).toBeGreaterThan(5);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });
});
