import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dimensions from "../../indicators/dimensions.json";
import { writeRangedDataset } from "../../scripts/bench/generate-published";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";
import { launchChromium } from "../helpers/chromium";

const rows = 3_000_000;
let server: StaticServer;
let page: Page;
let fileBytes = 0;
const requests: string[] = [];
const rangeHeaders: string[] = [];
let closeBrowser: () => Promise<void> = async () => {};

const sentFor = (path: string) => server.sent.get(path) ?? 0;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "gcm-ranged-"));
  const files = await writeRangedDataset(dir, rows);
  fileBytes = (await stat(files.parquet)).size;
  server = await startStaticServer({
    root: "dist",
    overrides: {
      "/data/observations.parquet": files.parquet,
      "/data/observations.index.json": files.index,
      "/data/headlines.parquet": files.headlines,
    },
  });
  const browser = await launchChromium();
  closeBrowser = browser.close;
  browser.context.on("request", (request) => {
    requests.push(request.url());
    const range = request.headers().range;
    if (range) rangeHeaders.push(range);
  });
  page = await browser.context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
}, 180_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
});

describe("a regional dataset of 3,000,000 observations read by range", () => {
  it("opens the overview without downloading the observations file", async () => {
    await page.goto(`${server.url}/es`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 120_000 });
    await page.waitForSelector("[data-chart] svg path", { state: "attached" });
    // The engine starts with the page, so it can be ready while the overview still shows the
    // build's snapshot: the regional indicators appear once the engine's answer replaces it.
    await page.waitForSelector("[data-snapshot]", { state: "detached", timeout: 60_000 });
    expect(await page.locator("[data-indicator]").count()).toBeGreaterThanOrEqual(50);
    expect(sentFor("/data/observations.parquet")).toBe(0);
    const opened = sentFor("/data/headlines.parquet") + sentFor("/data/observations.index.json");
    expect(opened).toBeGreaterThan(0);
    expect(opened / fileBytes).toBeLessThan(0.01);
  });

  it("reads only one indicator's row groups when its page opens, by HTTP range", async () => {
    await page.click('a[href="/es/indicators/consular-protection-cases"]');
    await page.waitForSelector(".trend-chart svg path", { state: "attached", timeout: 60_000 });
    await page.selectOption('[aria-labelledby="trend-heading"] .picker select', "geography");
    await page.waitForSelector('.trend-chart[data-drawn="geography"]', { timeout: 60_000 });
    // Every destination country drawn: the breakdown came from the rows read by range.
    expect(await page.locator(".trend-chart").getAttribute("aria-label")).toBeTruthy();
    const legend = (await page.locator(".trend-chart svg").textContent()) ?? "";
    // The generated dataset fills every country code, so the first six drawn vary with the list.
    const countries = (
      dimensions.find((d) => d.id === "geography")?.codes.map((c) => c.label.es) ?? []
    ).filter((name) => legend.includes(name));
    expect(countries.length).toBeGreaterThanOrEqual(2);
    const read = sentFor("/data/observations.parquet");
    expect(read).toBeGreaterThan(0);
    expect(read / fileBytes).toBeLessThan(0.15);
    expect(rangeHeaders.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:"))).toEqual([]);
    console.log(
      `ranged layout: ${rows} rows, file ${fileBytes} B; overview read ${sentFor("/data/headlines.parquet") + sentFor("/data/observations.index.json")} B, one indicator ${read} B (${((100 * read) / fileBytes).toFixed(1)} %) in ${rangeHeaders.length} range requests`,
    );
  });
});
