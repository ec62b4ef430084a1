/**
 * Faults on the Data page, in the production build in Chromium: a reload in the middle of an
 * accept, storage that refuses writes, the DuckDB worker dying, two tabs, a damaged stored
 * record, and a backup restored into a fresh profile. Each checks the accepted data by the
 * fingerprint the Data page shows (rows in effect and their SHA-256, see acceptedFingerprint).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { unzipSync, zipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateObservationsCsv } from "../../scripts/lib/generate-observations";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import { observationsToColumns } from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { seededRandom } from "../../src/lib/seeded-random";
import { createMemoryStore } from "../../src/lib/submissions/memory-store";
import type { SubmissionMeta } from "../../src/lib/submissions/submission";
import {
  acceptedFingerprint,
  acceptStaged,
  loadBase,
  stage,
  undoSubmission,
} from "../../src/lib/submissions/submission-service";
import { projectCatalog } from "../helpers/catalog";
import { launchChromium } from "../helpers/chromium";
import { startPreview } from "../helpers/preview-server";

const fixture = (name: string) => `tests/fixtures/intake/${name}`;
let server: Awaited<ReturnType<typeof startPreview>>;
let dir: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startPreview();
  dir = await mkdtemp(join(tmpdir(), "gcm-faults-"));
});
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A Chromium with a fresh profile; uncaught errors of its pages are collected, to be none. */
async function freshBrowser() {
  const browser = await launchChromium();
  closers.push(browser.close);
  const errors: string[] = [];
  const tab = async (setup?: (page: Page) => Promise<void>) => {
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await setup?.(page);
    return page;
  };
  return { context: browser.context, errors, tab };
}

async function openData(page: Page) {
  await page.goto(`${server.url}/es/data`);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
  await page.waitForSelector("[data-fingerprint]", { timeout: 60_000 });
}
const fingerprintOf = (page: Page) => page.getAttribute("[data-fingerprint]", "data-fingerprint");
/** Waits until the page shows this fingerprint of the accepted data. */
const showsFingerprint = (page: Page, sha256: string) =>
  page.locator(`[data-fingerprint="${sha256}"]`).waitFor({ timeout: 60_000 });

async function upload(page: Page, path: string): Promise<string> {
  await page.setInputFiles("input[type=file]:not([data-backup-restore])", path);
  await page.waitForSelector("[data-summary]", { timeout: 120_000 });
  const summary = (await page.getAttribute("[data-summary]", "data-summary")) ?? "";
  const [errors, warnings] = summary.split("/").map(Number);
  expect(errors, summary).toBe(0);
  if (warnings) await page.locator(".accept input[type=checkbox]").check();
  return summary;
}
const acceptButton = (page: Page) =>
  page.getByRole("button", { name: /Aceptar el archivo completo/ });
async function accept(page: Page, path: string) {
  await upload(page, path);
  await acceptButton(page).click();
  await page.waitForSelector(".notice--ok", { timeout: 120_000 });
  await page.waitForSelector("[data-summary]", { state: "detached" });
}
const historyRow = (page: Page, fileName: string) =>
  page.locator(`[data-submission="${fileName}"]`);
async function latestAlternatives(page: Page): Promise<string> {
  await page.goto(`${server.url}/es/indicators/children-in-alternatives`);
  await page.waitForSelector(".data-table tbody tr", { timeout: 60_000 });
  return (await page.locator(".data-table tbody tr").last().textContent()) ?? "";
}
/**
 * Without the demo the indicator has no data but what an officer accepted: with nothing in
 * effect its page says so and shows neither a chart nor a table.
 */
async function alternativesWithoutData(page: Page): Promise<boolean> {
  await page.goto(`${server.url}/es/indicators/children-in-alternatives`);
  await page.waitForSelector('[data-no-data="children-in-alternatives"]', { timeout: 60_000 });
  return (await page.locator(".data-table tbody tr, .trend-chart").count()) === 0;
}

/**
 * The same accept, in Node: the same intake and the same DuckDB build, so it gives the fingerprint
 * the page must show once a file is accepted.
 */
async function nodeMirror() {
  const engine: Engine = await startNodeEngine();
  closers.push(() => engine.close());
  await loadBase(
    engine,
    nodeParquet,
    new Uint8Array(await readFile("public/data/observations.parquet")),
  );
  const store = createMemoryStore();
  const catalog = projectCatalog();
  return {
    fingerprint: async () => (await acceptedFingerprint(engine)).sha256,
    accept: async (path: string, name: string): Promise<SubmissionMeta> => {
      const result = await inspectFile(catalog, name, new Uint8Array(await readFile(path)));
      expect(result.errors).toBe(0);
      await stage(engine, columnsToIpc(arrow, observationsToColumns(result.observations)));
      return acceptStaged(engine, store, nodeParquet, {
        fileName: name,
        checksum: name,
        at: new Date().toISOString(),
        id: name,
      });
    },
    undo: (meta: SubmissionMeta) => undoSubmission(engine, store, meta, new Date().toISOString()),
    bytes: (id: string) => store.read(id),
  };
}

describe("accepted data stay whole through faults", () => {
  it("a reload or a killed tab at any moment of an accept leaves the old accepted data or the new, never a mix", async () => {
    const rows = 30_000;
    const browser = await freshBrowser();
    let page = await browser.tab();
    const mirror = await nodeMirror();
    const file = async (seed: number) => {
      const name = `generated-${seed}.csv`;
      const path = join(dir, name);
      await writeFile(path, generateObservationsCsv(rows, seed));
      return { name, path };
    };
    await openData(page);
    let expected = await mirror.fingerprint();
    expect(await fingerprintOf(page)).toBe(expected);

    // A first accept that runs to the end, to know how long one takes here.
    const first = await file(1);
    await upload(page, first.path);
    const started = Date.now();
    await acceptButton(page).click();
    await page.waitForSelector(".notice--ok", { timeout: 120_000 });
    const duration = Date.now() - started;
    await mirror.accept(first.path, first.name);
    expected = await mirror.fingerprint();
    await showsFingerprint(page, expected);

    // Then the tab is interrupted at seeded random moments between the click and past the end:
    // either reloaded (the old page may run a little longer while the new one loads) or its
    // renderer is killed outright, as when the browser or the computer stops.
    const random = seededRandom(20261128);
    const interruptions: { how: "reload" | "crash"; delay: number }[] = [
      { how: "crash", delay: 0 },
      { how: "reload", delay: 0 },
      ...Array.from({ length: 6 }, (_, i) => ({
        how: i % 2 === 0 ? ("crash" as const) : ("reload" as const),
        delay: Math.round(random() * duration),
      })),
      { how: "reload", delay: duration * 2 },
    ];
    const outcomes: string[] = [];
    for (const [index, { how, delay }] of interruptions.entries()) {
      const next = await file(100 + index);
      await upload(page, next.path);
      const old = expected;
      const meta = await mirror.accept(next.path, next.name);
      const whenAccepted = await mirror.fingerprint();
      const cdp = await page.context().newCDPSession(page);
      await acceptButton(page).click();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      if (how === "reload") {
        await page.reload();
        await cdp.detach();
      } else {
        // Page.crash never answers (the page is gone): wait for the crash itself.
        const crashed = page.waitForEvent("crash");
        void cdp.send("Page.crash").catch(() => undefined);
        await crashed;
        await page.close();
        page = await browser.tab();
      }
      await openData(page);
      await page.waitForSelector("[data-history-loaded]", { timeout: 60_000 });
      const kept = (await historyRow(page, next.name).count()) === 1;
      const shown = await fingerprintOf(page);
      // Old state: the file is not in the history and the data are the old ones; new state: both new.
      expect({ how, delay, kept, shown }).toEqual({
        how,
        delay,
        kept,
        shown: kept ? whenAccepted : old,
      });
      expect(await page.locator("[data-damaged-records], [role=alert]").count()).toBe(0);
      if (kept) expected = whenAccepted;
      else await mirror.undo(meta);
      outcomes.push(`${how} at ${delay} ms: ${kept ? "new" : "old"}`);
    }
    console.log(`accept of ${rows} rows took ${duration} ms; ${outcomes.join(", ")}`);
    // Both outcomes were reached: interrupted early, the old data; after the end, the new.
    expect(outcomes.filter((o) => o.endsWith("old")).length).toBeGreaterThan(0);
    expect(outcomes.at(-1)).toMatch(/new$/);
    expect(browser.errors).toEqual([]);
  }, 600_000);

  it("says clearly when storage refuses the write, and the accepted data stay whole after a reload", async () => {
    const browser = await freshBrowser();
    const page = await browser.tab();
    await openData(page);
    await accept(page, fixture("q1-fixed.csv"));
    const before = await fingerprintOf(page);
    expect(before).not.toBeNull();

    // A second tab whose IndexedDB refuses every write, as a full disk does. The script runs
    // through the debugging protocol, so the app's Content-Security-Policy does not stop it.
    const full = await browser.tab(async (p) => {
      await p.addInitScript(() => {
        const refuse = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
        IDBObjectStore.prototype.add = refuse;
        IDBObjectStore.prototype.put = refuse;
      });
    });
    await openData(full);
    expect(await fingerprintOf(full)).toBe(before);
    await upload(full, fixture("q1-revised.csv"));
    await acceptButton(full).click();
    const message = full.locator(".notice--error[role=alert]");
    await message.waitFor();
    expect(await message.textContent()).toContain(
      "El almacenamiento del navegador está lleno: no se aceptó nada",
    );
    expect(await fingerprintOf(full)).toBe(before);
    expect(await historyRow(full, "q1-revised.csv").count()).toBe(0);

    for (const tab of [full, page]) {
      await tab.reload();
      await tab.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
      await showsFingerprint(tab, before ?? "");
      expect(await historyRow(tab, "q1-fixed.csv").getAttribute("data-status")).toBe("active");
      expect(await historyRow(tab, "q1-revised.csv").count()).toBe(0);
    }
    expect(await latestAlternatives(page)).toContain("640");
    expect(browser.errors).toEqual([]);
  });

  it("restarts the engine when its worker dies, reloads everything, and the accepted data are intact", async () => {
    const browser = await freshBrowser();
    const page = await browser.tab();
    await openData(page);
    await accept(page, fixture("q1-fixed.csv"));
    const before = (await fingerprintOf(page)) ?? "";

    // An uncaught error inside the DuckDB worker, the way a crash of the worker's code surfaces.
    // Nothing in the app exposes the worker: the test reaches it through the debugging protocol.
    const duckdb = page.workers().find((w) => /duckdb-browser/.test(w.url()));
    if (!duckdb) throw new Error("no DuckDB worker");
    const terminated = new Promise((resolve) => duckdb.once("close", resolve));
    await duckdb.evaluate(() => {
      setTimeout(() => {
        throw new Error("simulated crash of the data engine");
      }, 0);
    });
    await terminated;
    const status = page.locator('[data-engine="ready"][data-engine-restarts="1"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toContain("se reinició");
    expect(page.workers().filter((w) => /duckdb-browser/.test(w.url()))).toHaveLength(1);
    await showsFingerprint(page, before);
    expect(await historyRow(page, "q1-fixed.csv").getAttribute("data-status")).toBe("active");

    // The new engine works: a revision is accepted and shown.
    await accept(page, fixture("q1-revised.csv"));
    expect(await latestAlternatives(page)).toContain("655");
    expect(browser.errors).toEqual([]);
  });

  it("keeps two tabs in step: an accept in one shows in the other, an undo there shows back here", async () => {
    const browser = await freshBrowser();
    const a = await browser.tab();
    const b = await browser.tab();
    await openData(a);
    await openData(b);
    const empty = (await fingerprintOf(a)) ?? "";
    expect(await fingerprintOf(b)).toBe(empty);

    await accept(a, fixture("q1-fixed.csv"));
    const accepted = (await fingerprintOf(a)) ?? "";
    expect(accepted).not.toBe(empty);
    await b.locator('[data-submission="q1-fixed.csv"][data-status="active"]').waitFor();
    await showsFingerprint(b, accepted);

    await b
      .locator('[data-submission="q1-fixed.csv"]')
      .getByRole("button", { name: "Deshacer" })
      .click();
    await b.getByRole("button", { name: "Sí, deshacer" }).click();
    await b.locator('[data-submission="q1-fixed.csv"][data-status="undone"]').waitFor();
    await a.locator('[data-submission="q1-fixed.csv"][data-status="undone"]').waitFor();
    await showsFingerprint(a, empty);
    await showsFingerprint(b, empty);
    expect(await alternativesWithoutData(a)).toBe(true);
    expect(browser.errors).toEqual([]);
  });

  it("names a damaged stored record, shows the previous good data, and lets the officer remove it", async () => {
    const browser = await freshBrowser();
    const page = await browser.tab();
    await openData(page);
    await accept(page, fixture("q1-fixed.csv"));
    const good = (await fingerprintOf(page)) ?? "";
    await accept(page, fixture("q1-revised.csv"));
    expect(await latestAlternatives(page)).toContain("655");

    // One bit of the revision's stored data flips, as a faulty disk might do.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("gcm-monitor");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const transaction = open.result.transaction("submissions", "readwrite");
            const store = transaction.objectStore("submissions");
            const all = store.getAll();
            all.onsuccess = () => {
              const record = (
                all.result as { meta: { fileName: string }; parquet: Uint8Array }[]
              ).find((r) => r.meta.fileName === "q1-revised.csv");
              if (!record) return reject(new Error("no record"));
              const middle = record.parquet.length >> 1;
              record.parquet[middle] = (record.parquet[middle] ?? 0) ^ 1;
              store.put(record);
            };
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    await openData(page);
    const alert = page.locator("[data-damaged-records]");
    expect(await alert.textContent()).toContain("q1-revised.csv");
    expect(await alert.textContent()).toContain("está dañado");
    expect(await historyRow(page, "q1-revised.csv").getAttribute("data-status")).toBe("damaged");
    await showsFingerprint(page, good);

    await historyRow(page, "q1-revised.csv").getByRole("button").click();
    await historyRow(page, "q1-revised.csv").waitFor({ state: "detached" });
    expect(await alert.count()).toBe(0);
    await showsFingerprint(page, good);
    expect(await historyRow(page, "q1-fixed.csv").getAttribute("data-status")).toBe("active");
    expect(await latestAlternatives(page)).toContain("640");
    expect(browser.errors).toEqual([]);
  });

  it("loads records the previous version stored (no checksum, database version 1) and numbers new ones after them", async () => {
    const mirror = await nodeMirror();
    const meta = await mirror.accept(fixture("q1-fixed.csv"), "q1-fixed.csv");
    const expected = await mirror.fingerprint();
    const { dataSha256: _, kind: __, ...legacy } = { ...meta, id: "legacy-1", seq: 7 };
    const browser = await freshBrowser();
    const page = await browser.tab();
    // A page of the same origin that is not the app, to write the database as version 1 did.
    await page.goto(`${server.url}/favicon.svg`);
    await page.evaluate(
      ({ meta, bytes }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("gcm-monitor", 1);
          open.onupgradeneeded = () =>
            open.result.createObjectStore("submissions", { keyPath: "meta.id" });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const transaction = open.result.transaction("submissions", "readwrite");
            transaction.objectStore("submissions").add({ meta, parquet: new Uint8Array(bytes) });
            transaction.onerror = () => reject(transaction.error);
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      { meta: legacy, bytes: [...(await mirror.bytes(meta.id))] },
    );
    await openData(page);
    expect(await historyRow(page, "q1-fixed.csv").getAttribute("data-status")).toBe("active");
    expect(await page.locator("[role=alert]").count()).toBe(0);
    await showsFingerprint(page, expected);

    await accept(page, fixture("q1-revised.csv"));
    const seqs = await page.evaluate(
      () =>
        new Promise<number[]>((resolve, reject) => {
          const open = indexedDB.open("gcm-monitor");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction("submissions").objectStore("submissions").getAll();
            all.onsuccess = () => {
              open.result.close();
              resolve((all.result as { meta: { seq: number } }[]).map((r) => r.meta.seq).sort());
            };
          };
        }),
    );
    expect(seqs).toEqual([7, 8]);
    expect(await latestAlternatives(page)).toContain("655");
    expect(browser.errors).toEqual([]);
  });

  it("exports a backup, refuses a changed copy, and restores it into a fresh profile with nothing lost", async () => {
    const source = await freshBrowser();
    const page = await source.tab();
    await openData(page);
    await accept(page, fixture("q1-fixed.csv"));
    await accept(page, fixture("q1-revised.csv"));
    await page
      .locator('[data-submission="q1-revised.csv"]')
      .getByRole("button", { name: "Deshacer" })
      .click();
    await page.getByRole("button", { name: "Sí, deshacer" }).click();
    await page.locator('[data-submission="q1-revised.csv"][data-status="undone"]').waitFor();
    const fingerprint = (await fingerprintOf(page)) ?? "";
    await showsFingerprint(page, fingerprint);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportar copia de seguridad" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gcm-monitor-copia-\d{4}-\d{2}-\d{2}\.zip$/);
    const backup = join(dir, "backup.zip");
    await download.saveAs(backup);
    expect(await page.locator("[data-backup-exported]").textContent()).toContain(
      "2 archivos (1 vigente, 1 deshecho)",
    );

    // The same backup with one byte of one submission's data changed.
    const files = unzipSync(new Uint8Array(await readFile(backup)));
    const data = Object.entries(files).find(([name]) => name.endsWith(".parquet"));
    if (!data) throw new Error("no data file in the backup");
    data[1][20] = (data[1][20] ?? 0) ^ 0x01;
    const changed = join(dir, "backup-changed.zip");
    await writeFile(changed, zipSync(files, { level: 0 }));

    const target = await (await freshBrowser()).tab();
    await openData(target);
    const empty = (await fingerprintOf(target)) ?? "";
    await target.setInputFiles("[data-backup-restore]", changed);
    const refused = target.locator("[data-backup-refused]");
    await refused.waitFor();
    expect(await refused.getAttribute("data-backup-refused")).toBe("checksum_mismatch");
    expect(await refused.textContent()).toContain("No se restauró nada");
    expect(await target.locator("[data-submission]").count()).toBe(0);
    expect(await fingerprintOf(target)).toBe(empty);

    await target.setInputFiles("[data-backup-restore]", backup);
    const check = target.locator("[data-backup-check]");
    await check.waitFor({ timeout: 60_000 });
    expect(await check.getAttribute("data-backup-check")).toBe("same");
    expect(await check.textContent()).toContain("nada se perdió");
    expect(await check.textContent()).toContain("2 archivos restaurados");
    await showsFingerprint(target, fingerprint);
    expect(await historyRow(target, "q1-fixed.csv").getAttribute("data-status")).toBe("active");
    expect(await historyRow(target, "q1-revised.csv").getAttribute("data-status")).toBe("undone");
    await target.reload();
    await target.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await showsFingerprint(target, fingerprint);
    expect(await latestAlternatives(target)).toContain("640");
    expect(source.errors).toEqual([]);
  });
});
