/**
 * Ingest of a generated observation file through the Data page, in headless Chromium against the
 * production build with a fresh profile: upload → findings shown (decode and validate, in the
 * intake worker), then "accept" → accepted (stored in IndexedDB and loaded into DuckDB). Also the
 * longest gap between animation frames on the main thread meanwhile (is the page frozen?).
 */
import { stat } from "node:fs/promises";
import type { Page } from "playwright-core";
import { stepPrefix } from "../../src/lib/step-timing";
import { launchChromium } from "../../tests/helpers/chromium";
import { type EngineBuildSeen, engineBuildOf } from "./engine-build-seen";
import { type HeapSampler, sampleJsHeap } from "./heap-sampler";
import { type HeapShares, heapShares } from "./heap-shares";

export interface IngestRun {
  format: "csv" | "parquet";
  rows: number;
  run: number;
  seed: number;
  fileBytes: number;
  /** In the page: from the file input's `change` until `[data-summary]` is in the document. */
  validateMs: number | null;
  /** Node's wall time around the same (setInputFiles until Playwright sees the summary). */
  driverValidateMs: number | null;
  /**
   * Milliseconds of each step of the check as the page records them (`gcm:intake:*` performance
   * measures, src/lib/step-timing.ts): reading the file, the worker and its steps, staging, the
   * diff, plausibility.
   */
  stepsMs: Record<string, number>;
  /**
   * Milliseconds of each step of accepting (`gcm:accept:*`): waiting for the worker's Parquet,
   * the staged file's summary, the rows into the engine's tables, the record into IndexedDB.
   */
  acceptStepsMs: Record<string, number>;
  /** `errors/warnings/rows` as the page reports it (warnings are allowed: see below). */
  summary: string | null;
  /** In the page: from the click on "Aceptar el archivo completo" until `.notice--ok` is drawn. */
  acceptMs: number | null;
  /** Node's wall time around the same (Playwright's click until it sees the notice). */
  driverAcceptMs: number | null;
  /** Longest gap between animation frames while idle on the page, before the upload. */
  idleFrameGapMs: number | null;
  maxFrameGapValidateMs: number | null;
  maxFrameGapAcceptMs: number | null;
  /** What the page itself says (it reports its own seconds). */
  summaryText: string | null;
  acceptedText: string | null;
  /** JS heap of the page (main thread only), MB, after each step. */
  heapMb: { afterValidate: number | null; afterAccept: number | null };
  /**
   * Peak JS heap of the page and all its workers (the intake worker included) while the file is
   * checked, MB, sampled every 100 ms (heap-sampler.ts); null when sampling failed.
   */
  peakJsHeapValidateMb: number | null;
  /** Who held that peak: the page, the intake worker, DuckDB's workers (heap-shares.ts). */
  peakJsHeapShares: HeapShares | null;
  /** The DuckDB-wasm build the page ran (status bar), to show which side of isolation it was. */
  engine: EngineBuildSeen | null;
  /**
   * The next file checked on the same page once this one is accepted (the same rows with other
   * values, as a revised file): the engine and page are warm, and the accepted rows are now the
   * history the file is compared with. Null when not measured or the first file failed.
   */
  next: NextCheck | null;
  /** Where it stopped and why, when it did not finish. */
  failure: { stage: string; message: string } | null;
  pageErrors: string[];
}

export interface NextCheck {
  /** In the page: from the file input's `change` until `[data-summary]` is in the document. */
  checkMs: number | null;
  stepsMs: Record<string, number>;
  summary: string | null;
}

/**
 * A requestAnimationFrame loop in the page that keeps the longest gap between frames. Sent as
 * text: tsx would wrap named functions in a `__name` helper the page does not have.
 */
const frameMonitorScript = `(() => {
  const state = { max: 0, last: performance.now(), frames: 0 };
  function tick(now) {
    const gap = now - state.last;
    if (gap > state.max) state.max = gap;
    state.last = now;
    state.frames++;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
  window.__frameMonitor = state;
})()`;
/**
 * The user's wait, timed in the page: from the event that starts it (the file input's `change`,
 * the accept button's `click`) to the first moment an element matching `selector` is in the
 * document. Node's own clock around Playwright's actions also counts the driver's work (its
 * checks before a click, its polling for the result): about 200 ms per action here.
 */
const armWaitScript = (start: "change" | "click", selector: string) => `(() => {
  const wait = { start: null, end: null };
  window.__wait = wait;
  document.addEventListener(${JSON.stringify(start)}, () => { if (wait.start === null) wait.start = performance.now(); }, { capture: true });
  const observer = new MutationObserver(() => {
    if (wait.start !== null && wait.end === null && document.querySelector(${JSON.stringify(selector)})) {
      wait.end = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true });
})()`;
async function readWait(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const wait = (window as unknown as { __wait: { start: number | null; end: number | null } })
      .__wait;
    return wait.start === null || wait.end === null ? null : Math.round(wait.end - wait.start);
  });
}

async function installFrameMonitor(page: Page) {
  await page.evaluate(frameMonitorScript);
}
async function resetFrameMonitor(page: Page) {
  await page.evaluate(() => {
    const state = (window as unknown as { __frameMonitor: { max: number; last: number } })
      .__frameMonitor;
    state.max = 0;
    state.last = performance.now();
  });
}
/** Longest gap so far, counting the one still open (the main thread may only now be free). */
async function readFrameMonitor(page: Page): Promise<number> {
  return page.evaluate(() => {
    const state = (window as unknown as { __frameMonitor: { max: number; last: number } })
      .__frameMonitor;
    return Math.round(Math.max(state.max, performance.now() - state.last));
  });
}
async function heapMb(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? Math.round(memory.usedJSHeapSize / 1048576) : null;
  });
}

async function readSteps(page: Page, of: "intake" | "accept"): Promise<Record<string, number>> {
  const prefix = `${stepPrefix}${of}:`;
  const entries = await page.evaluate(
    (p) =>
      performance
        .getEntriesByType("measure")
        .filter((e) => e.name.startsWith(p))
        .map((e) => [e.name.slice(p.length), Math.round(e.duration)] as const),
    prefix,
  );
  return Object.fromEntries(entries);
}

const message = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n").slice(0, 6).join("\n");

export async function measureIngestRun(
  url: string,
  path: string,
  rows: number,
  run: number,
  seed: number,
  timeout: number,
  nextPath?: string,
): Promise<IngestRun> {
  const result: IngestRun = {
    format: path.endsWith(".parquet") ? "parquet" : "csv",
    rows,
    run,
    seed,
    fileBytes: (await stat(path)).size,
    validateMs: null,
    driverValidateMs: null,
    stepsMs: {},
    acceptStepsMs: {},
    summary: null,
    acceptMs: null,
    driverAcceptMs: null,
    idleFrameGapMs: null,
    maxFrameGapValidateMs: null,
    maxFrameGapAcceptMs: null,
    summaryText: null,
    acceptedText: null,
    heapMb: { afterValidate: null, afterAccept: null },
    peakJsHeapValidateMb: null,
    peakJsHeapShares: null,
    engine: null,
    next: null,
    failure: null,
    pageErrors: [],
  };
  let stage = "launch";
  const browser = await launchChromium();
  let heap: HeapSampler | null = null;
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(timeout);
    page.on("pageerror", (error) => result.pageErrors.push(message(error)));
    page.on("console", (m) => {
      if (m.type() === "error") result.pageErrors.push(`console: ${m.text().slice(0, 500)}`);
    });
    page.on("crash", () => result.pageErrors.push("page crashed"));

    stage = "open";
    await page.goto(`${url}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 120_000 });
    result.engine = await engineBuildOf(page);
    heap = await sampleJsHeap(page).catch(() => null);
    await installFrameMonitor(page);
    await page.waitForTimeout(1000);
    result.idleFrameGapMs = await readFrameMonitor(page);

    stage = "validate";
    await resetFrameMonitor(page);
    heap?.reset();
    await page.evaluate(() => performance.clearMeasures());
    const shownSelector = "[data-summary], .notice--error";
    await page.evaluate(armWaitScript("change", shownSelector));
    const validateStart = performance.now();
    await page.setInputFiles("input[type=file]", path, { timeout });
    const shown = await page.waitForSelector(shownSelector, { timeout });
    result.driverValidateMs = Math.round(performance.now() - validateStart);
    result.validateMs = await readWait(page);
    result.maxFrameGapValidateMs = await readFrameMonitor(page);
    result.stepsMs = await readSteps(page, "intake");
    if (heap) {
      result.peakJsHeapValidateMb = Math.round(heap.peakBytes() / 1048576);
      result.peakJsHeapShares = heapShares(heap.peakParts());
    }
    result.heapMb.afterValidate = await heapMb(page);
    result.summary = await shown.getAttribute("data-summary");
    result.summaryText = ((await shown.textContent()) ?? "").trim();
    if (result.summary === null) throw new Error(`the page says: ${result.summaryText}`);
    // The generated series jump about at random, so the plausibility checks warn: accepting
    // them then takes the user's tick, given before the clock starts.
    const [errors, warnings, checkedRows] = result.summary.split("/").map(Number);
    if (errors !== 0 || checkedRows !== rows)
      throw new Error(`expected 0 errors and ${rows} rows, got ${result.summary}`);
    if ((warnings ?? 0) > 0) await page.getByLabel(/Revisé las/).check({ timeout });

    stage = "accept";
    await resetFrameMonitor(page);
    const noticeSelector = ".notice--ok, .notice--error";
    await page.evaluate(armWaitScript("click", noticeSelector));
    const acceptStart = performance.now();
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click({ timeout });
    const notice = await page.waitForSelector(noticeSelector, { timeout });
    result.driverAcceptMs = Math.round(performance.now() - acceptStart);
    result.acceptMs = await readWait(page);
    result.acceptStepsMs = await readSteps(page, "accept");
    result.maxFrameGapAcceptMs = await readFrameMonitor(page);
    result.heapMb.afterAccept = await heapMb(page);
    result.acceptedText = ((await notice.textContent()) ?? "").trim();
    if (await notice.evaluate((e) => e.classList.contains("notice--error")))
      throw new Error(`the page says: ${result.acceptedText}`);

    if (nextPath) {
      stage = "next-check";
      await page.evaluate(() => performance.clearMeasures());
      await page.evaluate(armWaitScript("change", shownSelector));
      await page.setInputFiles("input[type=file]", nextPath, { timeout });
      const nextShown = await page.waitForSelector(shownSelector, { timeout });
      result.next = {
        checkMs: await readWait(page),
        stepsMs: await readSteps(page, "intake"),
        summary: await nextShown.getAttribute("data-summary"),
      };
      const [nextErrors, , nextRows] = (result.next.summary ?? "").split("/").map(Number);
      if (nextErrors !== 0 || nextRows !== rows)
        throw new Error(
          `next file: expected 0 errors and ${rows} rows, got ${result.next.summary}`,
        );
    }
  } catch (error) {
    result.failure = { stage, message: message(error) };
  } finally {
    await heap?.stop().catch(() => undefined);
    await browser.close().catch(() => undefined);
  }
  return result;
}
