/**
 * Navigation to the overview in headless Chromium: when the first chart is drawn and when the
 * engine is ready, both measured by the page's own clock from the start of navigation
 * (`performance.now()`), with a fresh profile and then with a warm HTTP cache (a second visit in
 * the same profile, once the first visit's service worker is installed).
 */
import type { Page } from "playwright-core";
import { launchChromium } from "../../tests/helpers/chromium";
import { type EngineBuildSeen, engineBuildOf } from "./engine-build-seen";
import { evaluateNumber, whenPresent } from "./page-clock";

export interface NavigationRun {
  cache: "fresh" | "warm";
  firstChartMs: number;
  engineReadyMs: number;
  /** Whether the first chart was drawn from a snapshot (build-time or last session). */
  drawnFrom: "snapshot" | "engine";
  /** When the app marked each step of its start (page clock), to say where the time goes. */
  phases: { engineStarted: number | null; publishedLoaded: number | null; restored: number | null };
  /** Page JS heap after the engine is ready (main thread only). */
  jsHeapMb: number;
  foreignRequests: string[];
  engine: EngineBuildSeen;
}

async function visit(page: Page, url: string, cache: NavigationRun["cache"], foreign: string[]) {
  await page.goto(`${url}/es`, { waitUntil: "commit" });
  const firstChartMs = await whenPresent(page, "[data-chart] svg path");
  const fromSnapshot =
    (await evaluateNumber(page, "document.querySelectorAll('[data-snapshot]').length")) > 0;
  const engineReadyMs = await whenPresent(page, '[data-engine="ready"]');
  const mark = async (name: string) => {
    const at = await evaluateNumber(
      page,
      `performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime ?? -1`,
    );
    return at < 0 ? null : Math.round(at);
  };
  const phases = {
    engineStarted: await mark("gcm:engine-started"),
    publishedLoaded: await mark("gcm:published-loaded"),
    restored: await mark("gcm:submissions-restored"),
  };
  const heap = await evaluateNumber(
    page,
    "(performance.memory ? performance.memory.usedJSHeapSize : 0) / 1048576",
  );
  return {
    cache,
    firstChartMs,
    engineReadyMs,
    drawnFrom: fromSnapshot ? "snapshot" : "engine",
    phases,
    jsHeapMb: Number(heap),
    foreignRequests: [...foreign],
    engine: await engineBuildOf(page),
  } satisfies NavigationRun;
}

/** `runs` fresh profiles, each visited twice (fresh, then warm). */
export async function measureNavigation(url: string, runs: number): Promise<NavigationRun[]> {
  const out: NavigationRun[] = [];
  for (let run = 0; run < runs; run++) {
    const browser = await launchChromium();
    try {
      const foreign: string[] = [];
      browser.context.on("request", (request) => {
        if (!request.url().startsWith(url) && !request.url().startsWith("data:"))
          foreign.push(request.url());
      });
      const first = await browser.context.newPage();
      out.push(await visit(first, url, "fresh", foreign));
      // The first visit installs the service worker once the engine is ready, and the install
      // copies the engine's two wasm builds (about 70 MB) into its cache. A visit during that
      // install measures the copy, not a warm start: wait for the worker to be active first.
      await first.evaluate(
        "navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : true",
      );
      await first.close();
      const second = await browser.context.newPage();
      out.push(await visit(second, url, "warm", foreign));
      await second.close();
    } finally {
      await browser.close();
    }
  }
  return out;
}
