/**
 * Measures, in headless Chromium against the production build, how long the Data page takes to
 * validate and to accept large generated observation files, and whether the page stays
 * responsive meanwhile (longest gap between animation frames on the main thread).
 *
 *   npm run build && npx tsx scripts/measure-intake.ts [--rows 100000,1000000] [--runs 3]
 *     [--timeout 1800000]  per-step limit in ms (default 30 minutes)
 *     [--verify]           also check each generated file in Node (inspectFile) before the browser
 *     [--verify-only]      only that check, no browser
 *
 * Each run uses a fresh browser profile (so IndexedDB is empty) and a file generated with its own
 * seed. Results: a table on stdout and tests/artifacts/intake-timings.json.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { inspectFile } from "../src/lib/intake/inspect-file";
import { projectCatalog } from "../tests/helpers/catalog";
import { launchChromium } from "../tests/helpers/chromium";
import { startPreview } from "../tests/helpers/preview-server";
import { generateObservationsCsv } from "./lib/generate-observations";

const artifact = "tests/artifacts/intake-timings.json";

interface RunResult {
  rows: number;
  run: number;
  seed: number;
  fileBytes: number;
  /** Node wall time from setInputFiles until `[data-summary]` is in the page. */
  validateMs: number | null;
  /** `errors/warnings/rows` as the page reports it. */
  summary: string | null;
  /** Node wall time from the click on "Aceptar el archivo completo" until `.notice--ok`. */
  acceptMs: number | null;
  /** Longest gap between animation frames while idle on the page, before the upload. */
  idleFrameGapMs: number | null;
  maxFrameGapValidateMs: number | null;
  maxFrameGapAcceptMs: number | null;
  /** What the page itself says (it reports its own seconds). */
  summaryText: string | null;
  acceptedText: string | null;
  /** JS heap of the page (main thread only), MB, after each step. */
  heapMb: { afterValidate: number | null; afterAccept: number | null };
  /** Where it stopped and why, when it did not finish. */
  failure: { stage: string; message: string } | null;
  pageErrors: string[];
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000,1000000" },
      runs: { type: "string", default: "3" },
      timeout: { type: "string", default: String(30 * 60_000) },
      verify: { type: "boolean", default: false },
      "verify-only": { type: "boolean", default: false },
    },
  });
  const sizes = (values.rows ?? "")
    .split(",")
    .map((s) => Number(s.replaceAll("_", "").trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const runs = Number(values.runs);
  const timeout = Number(values.timeout);
  if (sizes.length === 0 || !Number.isInteger(runs) || runs < 1 || !(timeout > 0))
    throw new Error("usage: measure-intake.ts [--rows 100000,1000000] [--runs 3] [--timeout ms]");
  return {
    sizes,
    runs,
    timeout,
    verify: values.verify === true || values["verify-only"] === true,
    verifyOnly: values["verify-only"] === true,
  };
}

const seedOf = (rows: number, run: number) => (rows % 100_003) * 31 + run + 1;
const fileOf = (dir: string, rows: number, run: number) =>
  join(dir, `observations-${rows}-run${run}.csv`);

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

const message = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n").slice(0, 6).join("\n");

async function measureRun(
  url: string,
  path: string,
  rows: number,
  run: number,
  seed: number,
  timeout: number,
): Promise<RunResult> {
  const result: RunResult = {
    rows,
    run,
    seed,
    fileBytes: (await stat(path)).size,
    validateMs: null,
    summary: null,
    acceptMs: null,
    idleFrameGapMs: null,
    maxFrameGapValidateMs: null,
    maxFrameGapAcceptMs: null,
    summaryText: null,
    acceptedText: null,
    heapMb: { afterValidate: null, afterAccept: null },
    failure: null,
    pageErrors: [],
  };
  let stage = "launch";
  const browser = await launchChromium();
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
    await installFrameMonitor(page);
    await page.waitForTimeout(1000);
    result.idleFrameGapMs = await readFrameMonitor(page);

    stage = "validate";
    await resetFrameMonitor(page);
    const validateStart = performance.now();
    await page.setInputFiles("input[type=file]", path, { timeout });
    const shown = await page.waitForSelector("[data-summary], .notice--error", { timeout });
    result.validateMs = Math.round(performance.now() - validateStart);
    result.maxFrameGapValidateMs = await readFrameMonitor(page);
    result.heapMb.afterValidate = await heapMb(page);
    result.summary = await shown.getAttribute("data-summary");
    result.summaryText = ((await shown.textContent()) ?? "").trim();
    if (result.summary === null) throw new Error(`the page says: ${result.summaryText}`);
    if (result.summary !== `0/0/${rows}`)
      throw new Error(`expected summary 0/0/${rows}, got ${result.summary}`);

    stage = "accept";
    await resetFrameMonitor(page);
    const acceptStart = performance.now();
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click({ timeout });
    const notice = await page.waitForSelector(".notice--ok, .notice--error", { timeout });
    result.acceptMs = Math.round(performance.now() - acceptStart);
    result.maxFrameGapAcceptMs = await readFrameMonitor(page);
    result.heapMb.afterAccept = await heapMb(page);
    result.acceptedText = ((await notice.textContent()) ?? "").trim();
    if (await notice.evaluate((e) => e.classList.contains("notice--error")))
      throw new Error(`the page says: ${result.acceptedText}`);
  } catch (error) {
    result.failure = { stage, message: message(error) };
  } finally {
    await browser.close().catch(() => undefined);
  }
  return result;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
function stats(values: (number | null)[]) {
  const present = values.filter((v): v is number => v !== null);
  return {
    min: present.length ? Math.min(...present) : null,
    median: median(present),
    n: present.length,
  };
}

const cell = (v: unknown, width: number) => String(v ?? "—").padStart(width);

function printTable(results: RunResult[]) {
  const widths = [10, 4, 12, 11, 13, 15, 13, 10];
  const head = [
    "rows",
    "run",
    "validate ms",
    "accept ms",
    "gap val. ms",
    "gap accept ms",
    "idle gap ms",
    "summary",
  ];
  console.log(head.map((h, i) => cell(h, widths[i] ?? 8)).join(" "));
  for (const r of results) {
    console.log(
      [
        r.rows,
        r.run,
        r.validateMs,
        r.acceptMs,
        r.maxFrameGapValidateMs,
        r.maxFrameGapAcceptMs,
        r.idleFrameGapMs,
        r.summary,
      ]
        .map((v, i) => cell(v, widths[i] ?? 8))
        .join(" "),
    );
    if (r.failure) console.log(`    FAILED at ${r.failure.stage}: ${r.failure.message}`);
    for (const e of r.pageErrors.slice(0, 5)) console.log(`    page: ${e}`);
  }
}

function summarise(results: RunResult[], sizes: number[]) {
  return sizes.map((rows) => {
    const of = results.filter((r) => r.rows === rows);
    return {
      rows,
      runs: of.length,
      failed: of.filter((r) => r.failure).length,
      validateMs: stats(of.map((r) => r.validateMs)),
      acceptMs: stats(of.map((r) => r.acceptMs)),
      maxFrameGapValidateMs: stats(of.map((r) => r.maxFrameGapValidateMs)),
      maxFrameGapAcceptMs: stats(of.map((r) => r.maxFrameGapAcceptMs)),
    };
  });
}

async function verifyInNode(path: string, bytes: Uint8Array, rows: number) {
  const started = performance.now();
  const r = await inspectFile(projectCatalog(), path, bytes);
  const ms = Math.round(performance.now() - started);
  const problems = r.findings.filter((f) => f.severity !== "info");
  console.log(
    `verify ${rows} rows in Node: ${r.errors} errors, ${r.warnings} warnings, ` +
      `${r.observations.length} observations, ${r.fixes.length} fixes (${ms} ms)`,
  );
  if (r.errors > 0 || r.warnings > 0 || r.observations.length !== rows || r.fixes.length > 0)
    throw new Error(`generated file is not clean: ${JSON.stringify(problems.slice(0, 5))}`);
}

async function main() {
  const options = parseOptions();
  const dir = await mkdtemp(join(tmpdir(), "gcm-intake-"));
  const results: RunResult[] = [];
  let server: Awaited<ReturnType<typeof startPreview>> | null = null;
  try {
    for (const rows of options.sizes)
      for (let run = 1; run <= options.runs; run++) {
        const csv = generateObservationsCsv(rows, seedOf(rows, run));
        const bytes = new TextEncoder().encode(csv);
        await writeFile(fileOf(dir, rows, run), bytes);
        if (options.verify && run === 1) await verifyInNode(fileOf(dir, rows, run), bytes, rows);
      }
    if (options.verifyOnly) return;

    server = await startPreview();
    const chromiumVersion = await (async () => {
      const b = await launchChromium();
      const version = b.context.browser()?.version() ?? null;
      await b.close();
      return version;
    })();
    for (const rows of options.sizes)
      for (let run = 1; run <= options.runs; run++) {
        console.log(`measuring ${rows} rows, run ${run}…`);
        const r = await measureRun(
          server.url,
          fileOf(dir, rows, run),
          rows,
          run,
          seedOf(rows, run),
          options.timeout,
        );
        results.push(r);
        console.log(
          r.failure
            ? `  failed at ${r.failure.stage}: ${r.failure.message}`
            : `  validate ${r.validateMs} ms, accept ${r.acceptMs} ms`,
        );
      }

    console.log("");
    printTable(results);
    const summary = summarise(results, options.sizes);
    console.log("");
    for (const s of summary)
      console.log(
        `${s.rows} rows (${s.runs - s.failed}/${s.runs} ok): validate min ${s.validateMs.min} / ` +
          `median ${s.validateMs.median} ms; accept min ${s.acceptMs.min} / median ` +
          `${s.acceptMs.median} ms; max frame gap validate median ` +
          `${s.maxFrameGapValidateMs.median} ms, accept median ${s.maxFrameGapAcceptMs.median} ms`,
      );
    await mkdir("tests/artifacts", { recursive: true });
    await writeFile(
      artifact,
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          chromium: chromiumVersion,
          node: process.version,
          sizes: options.sizes,
          runsPerSize: options.runs,
          summary,
          runs: results,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nwrote ${artifact}`);
    if (results.some((r) => r.failure)) process.exitCode = 1;
  } finally {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
