import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";
import { axeViolations } from "../helpers/axe";
import { launchChromium } from "../helpers/chromium";

/**
 * The whole path from an officer's browser to a minister's screen, each person in a fresh
 * profile, with the site served from a copy of the build: nothing is rebuilt, the approved
 * release's files are copied into the served folder as a ministry would upload them.
 */
let site: string;
let server: StaticServer;
const closers: (() => Promise<void>)[] = [];
const work = { bundle: "", release: "", version: "" };

async function person(): Promise<Page> {
  const browser = await launchChromium();
  closers.push(browser.close);
  const page = await browser.context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  return page;
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = join(site, "..", download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "gcm-site-"));
  site = join(root, "site");
  await cp(process.env.GCM_DIST ?? "dist", site, { recursive: true });
  server = await startStaticServer({ root: site });
});
afterAll(async () => {
  for (const close of closers) await close();
  await server.close();
  if (!process.env.GCM_KEEP_SITE) await rm(dirname(site), { recursive: true, force: true });
  else console.log(`site kept in ${site}`);
});

describe("from the officer's browser to the minister's screen, without a build", () => {
  it("1. an officer accepts a file and sends it for approval", async () => {
    const page = await person();
    await page.goto(`${server.url}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.setInputFiles("input[type=file]", "tests/fixtures/intake/q1-fixed.csv");
    await page.waitForSelector("[data-summary]", { timeout: 60_000 });
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click();
    await page.waitForSelector(".notice--ok");
    const panel = page.locator("[data-send-for-approval]");
    await panel.getByLabel("Nombre").fill("Ana López");
    await panel.getByLabel("Función e institución").fill("Estadística, DINAF");
    work.bundle = await downloadOf(page, () => panel.locator("[data-send]").click());
    expect(await page.locator("[data-sent]").getAttribute("data-sent")).toBe("1");
  });

  it("2. an approver, in a fresh profile, sees the diff and approves it", async () => {
    const page = await person();
    await page.goto(`${server.url}/es/approve`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.setInputFiles("[data-bundle-input]", work.bundle);
    await page.waitForSelector('[data-changed-indicator="children-in-alternatives"]', {
      timeout: 60_000,
    });
    // Without the demo nothing is published for it yet: the officer's three rows are additions.
    expect(
      await page
        .locator('[data-changed-indicator="children-in-alternatives"] [data-change="added"]')
        .count(),
    ).toBe(3);
    expect(await page.locator("[data-guarantees]").textContent()).toContain("no autentica");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Nombre").fill("Luis Pérez");
    await page.getByLabel("Función e institución").fill("Director, DINAF");
    work.release = await downloadOf(page, () => page.locator("[data-approve]").click());
    work.version = (await page.locator("[data-approved]").getAttribute("data-approved")) ?? "";
    expect(work.version).toMatch(/^\d{4}-\d{2}-\d{2}-1$/);
  });

  it("3. the release's files are copied into the served folder, with no build", async () => {
    const files = unzipSync(new Uint8Array(await readFile(work.release)));
    for (const [path, data] of Object.entries(files)) {
      const target = join(site, "data", "releases", path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    expect(Object.keys(files)).toContain("index.json");
    expect(Object.keys(files)).toContain(`${work.version}/manifest.json`);
  });

  let minister: Page;
  it("4. a minister, in a fresh profile, sees the new figures and the change list", async () => {
    minister = await person();
    const logs: string[] = [];
    minister.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
    minister.on("requestfailed", (r) => logs.push(`failed: ${r.url()}`));
    minister.on("response", (r) => logs.push(`${r.status()} ${r.url()}`));
    await minister.goto(`${server.url}/es`);
    await minister
      .waitForSelector(`[data-release="${work.version}"]`, { timeout: 20_000 })
      .catch(async (error) => {
        console.log(logs.join("\n"), await minister.locator("body").textContent());
        throw error;
      });
    await minister.goto(`${server.url}/es/indicators/children-in-alternatives`);
    await minister.waitForSelector(".data-table tbody tr", { timeout: 60_000 });
    expect(await minister.locator(".data-table tbody tr").last().textContent()).toContain("640");
    await minister.goto(`${server.url}/es/releases/${work.version}`);
    await minister
      .waitForSelector('[data-changed-indicator="children-in-alternatives"]', {
        timeout: 20_000,
      })
      .catch(async (error) => {
        console.log("RELEASE PAGE:", await minister.locator("main").textContent());
        throw error;
      });
    expect(await axeViolations(minister)).toEqual([]);
    const page = await minister.locator("[data-release-page]").textContent();
    expect(page).toContain("Ana López");
    expect(page).toContain("Luis Pérez");
    // The public downloads are there, at their versioned URLs.
    const csv = await minister.request.get(
      `${server.url}/data/releases/${work.version}/downloads/indicators/children-in-alternatives.csv`,
    );
    expect(csv.ok()).toBe(true);
    expect(await csv.text()).toContain("children-in-alternatives,2026-Q1,640");
  });

  it("5. a reload with the network off still shows them", async () => {
    await minister.goto(`${server.url}/es/indicators/children-in-alternatives`);
    await minister.waitForSelector(".data-table tbody tr", { timeout: 60_000 });
    await minister.context().setOffline(true);
    await minister.reload();
    await minister.waitForSelector(".data-table tbody tr", { timeout: 60_000 });
    expect(await minister.locator(".data-table tbody tr").last().textContent()).toContain("640");
    expect(await minister.locator(`[data-release="${work.version}"]`).count()).toBe(1);
    await minister.context().setOffline(false);
  });
});
