/**
 * Dashboard interactions on large published data, in headless Chromium against the production
 * build: the server hands the app a generated dataset in the ranged layout the build publishes
 * above 500,000 rows (scripts/bench/generate-published.ts), and we
 * time (page clock) opening an indicator page from the overview until its trend chart is drawn,
 * and changing the disaggregation until the chart is redrawn, each on a query not yet cached.
 */
import type { Page } from "playwright-core";
import { launchChromium } from "../../tests/helpers/chromium";
import { startStaticServer } from "../lib/static-server";
import { type EngineBuildSeen, engineBuildOf } from "./engine-build-seen";
import { sampleChromiumMemory } from "./memory-sampler";
import { whenPresent } from "./page-clock";

export interface InteractionResult {
  rows: number;
  /** Navigation to the engine ready with all rows loaded. */
  loadMs: number | null;
  openIndicatorMs: number[];
  breakdownMs: number[];
  peakRssMb: number;
  engine: EngineBuildSeen | null;
  failure: string | null;
}

/** Indicators with several breakdowns, opened one after the other (none cached yet). */
const indicatorsToOpen = [
  "consular-protection-cases",
  "returnees-received",
  "children-in-detention",
] as const;

/** Each step gets a minute; a step that never finishes is a failure, not a hung benchmark. */
function withinAMinute<T>(step: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: no result within 60 s`)), 60_000);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Clicks a link in the page and waits for the trend chart; page-clock milliseconds. */
async function openIndicator(page: Page, id: string): Promise<number> {
  const elapsed = await page.evaluate(`new Promise((resolve, reject) => {
    const link = document.querySelector('a[href$="/indicators/${id}"]');
    if (!link) { reject(new Error("no link to ${id}")); return; }
    const started = performance.now();
    link.click();
    const check = () => location.pathname.endsWith("/indicators/${id}") && document.querySelector(".trend-chart svg path")
      ? resolve(performance.now() - started) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  })`);
  return Number(elapsed);
}

/** Chooses a breakdown in the picker and waits until the chart has drawn it. */
async function changeBreakdown(page: Page, dimension: string): Promise<number> {
  const elapsed = await page.evaluate(`new Promise((resolve) => {
    const select = document.querySelector('[aria-labelledby="trend-heading"] .picker select');
    const started = performance.now();
    select.value = ${JSON.stringify(dimension)};
    select.dispatchEvent(new Event("change", { bubbles: true }));
    // The chart marks what it has been given; the next frame paints it.
    const check = () => document.querySelector('.trend-chart[data-drawn=${JSON.stringify(dimension)}]')
      ? requestAnimationFrame(() => resolve(performance.now() - started)) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  })`);
  return Number(elapsed);
}

async function breakdownOptions(page: Page): Promise<string[]> {
  const values = await page.evaluate(
    `[...document.querySelectorAll('[aria-labelledby="trend-heading"] .picker select option')].map((o) => o.value).filter(Boolean)`,
  );
  return Array.isArray(values) ? values.map(String) : [];
}

export async function measureInteraction(
  files: { parquet: string; index: string; headlines: string },
  rows: number,
  server: { root: string; crossOriginIsolation: boolean },
  log: (line: string) => void = () => {},
): Promise<InteractionResult> {
  const result: InteractionResult = {
    rows,
    loadMs: null,
    openIndicatorMs: [],
    breakdownMs: [],
    peakRssMb: 0,
    engine: null,
    failure: null,
  };
  const served = await startStaticServer({
    root: server.root,
    crossOriginIsolation: server.crossOriginIsolation,
    overrides: {
      "/data/observations.parquet": files.parquet,
      "/data/observations.index.json": files.index,
      "/data/headlines.parquet": files.headlines,
    },
  });
  const memory = sampleChromiumMemory();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15 * 60_000);
    page.on("crash", () => log(`  ${rows} rows: the page crashed`));
    page.on("close", () => log(`  ${rows} rows: the page closed`));
    browser.context.on("close", () => log(`  ${rows} rows: the browser closed`));
    page.on("pageerror", (error) => log(`  ${rows} rows: page error ${error.message}`));
    await page.goto(`${served.url}/es`, { waitUntil: "commit" });
    log(`  ${rows} rows: loading`);
    result.loadMs = Math.round(
      Number(await whenPresent(page, '[data-engine="ready"], [data-engine="failed"]')),
    );
    const engineState = await page.getAttribute("[data-engine]", "data-engine");
    if (engineState !== "ready")
      throw new Error(`engine ${engineState}: ${await page.textContent("[data-engine]")}`);
    result.engine = await engineBuildOf(page);
    log(
      `  ${rows} rows: engine ready after ${result.loadMs} ms (${result.engine.build}, ${result.engine.threads} thread(s))`,
    );
    for (const [index, id] of indicatorsToOpen.entries()) {
      // Back to the overview inside the app: a reload would restart the engine.
      if (index > 0) await page.evaluate("history.back()");
      await whenPresent(page, `a[href$="/indicators/${id}"]`);
      result.openIndicatorMs.push(await withinAMinute(`open ${id}`, openIndicator(page, id)));
      log(`  ${rows} rows: ${id} opened in ${Math.round(result.openIndicatorMs.at(-1) ?? 0)} ms`);
      for (const dimension of await breakdownOptions(page)) {
        result.breakdownMs.push(
          await withinAMinute(`${id} by ${dimension}`, changeBreakdown(page, dimension)),
        );
        log(
          `  ${rows} rows: ${id} by ${dimension}: ${Math.round(result.breakdownMs.at(-1) ?? 0)} ms`,
        );
      }
    }
  } catch (error) {
    result.failure = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  } finally {
    await browser.close().catch(() => undefined);
    result.peakRssMb = await memory.stop();
    await served.close();
  }
  return result;
}
