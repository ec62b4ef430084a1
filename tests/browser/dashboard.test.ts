import { mkdir, writeFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSessionPerFile, foreignRequests } from "../helpers/browser-session";

const artifacts = "tests/artifacts";
const session = browserSessionPerFile();

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
});

async function openPage(path: string): Promise<Page> {
  const page = await session().context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(`${session().url}${path}`);
  return page;
}

describe("dashboard in Debian Chromium against the production build", () => {
  const measured: Record<string, number> = {};

  it("draws the overview at once from the build's results, labelled, then from DuckDB-wasm", async () => {
    const started = Date.now();
    const page = await openPage("/");
    await page.waitForSelector("[data-chart] svg path", { state: "attached", timeout: 60_000 });
    measured.firstChartMs = Date.now() - started;
    await page.waitForSelector('[data-engine="ready"]');
    measured.engineReadyMs = Date.now() - started;
    // Once the engine has answered, nothing on screen comes from the snapshot any more.
    await page.waitForSelector("[data-snapshot]", { state: "detached" });
    expect(page.url()).toBe(`${session().url}/es`);
    expect(await page.textContent("h1")).toBe("Resumen de avances");
    expect(await page.locator("[data-indicator]").count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator("[data-chart] svg").count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator(".engine-status").textContent()).toMatch(/DuckDB v1\.\d+\.\d+/);
    // Real data by default: no demo banner, no illustrative value, every card names its publisher.
    expect(await page.locator("[data-demo-banner]").count()).toBe(0);
    expect(await page.locator('[data-provenance~="illustrative"]').count()).toBe(0);
    const cards = await page.locator("[data-indicator]").count();
    await expect
      .poll(() => page.locator('[data-indicator] [data-provenance~="dataset"]').count())
      .toBe(cards);
    // An indicator serving several themes has a card in each: coverage counts indicators once.
    const distinct = new Set(
      await page
        .locator("article[data-indicator]")
        .evaluateAll((all) => all.map((c) => c.getAttribute("data-indicator"))),
    );
    expect(
      Number(
        await page.locator("[data-coverage-published]").getAttribute("data-coverage-published"),
      ),
    ).toBe(distinct.size);
    await page.screenshot({ path: `${artifacts}/overview-es.png`, fullPage: true });
    await page.close();
  });

  it("turns the demo on with its switch, under a banner, and keeps it in the URL", async () => {
    const page = await openPage("/es");
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.locator("header [data-demo-switch]").click();
    await page.waitForURL(/\/es\?demo=1$/);
    await page.waitForSelector('[data-provenance~="illustrative"]', { timeout: 60_000 });
    expect(await page.locator("[data-demo-banner]").count()).toBe(1);
    await page.getByRole("link", { name: "Catálogo" }).click();
    await page.waitForURL(/\/es\/catalog\?demo=1$/);
    expect(await page.locator("[data-demo-banner]").count()).toBe(1);
    await page.locator("[data-demo-banner] [data-demo-switch]").click();
    await page.waitForURL(/\/es\/catalog$/);
    expect(await page.locator("[data-demo-banner]").count()).toBe(0);
    await page.close();
  });

  it("opens an indicator page with its trend, target and data table", async () => {
    const page = await openPage("/es");
    await page.waitForSelector("[data-chart] svg path", { state: "attached", timeout: 60_000 });
    await page.getByRole("link", { name: "Costo de enviar USD 200 a Honduras" }).first().click();
    await page.waitForURL(/\/es\/indicators\/remittance-cost-usd200$/);
    await page.waitForSelector(".trend-chart svg path", { state: "attached" });
    expect(await page.textContent("h1")).toBe("Costo de enviar USD 200 a Honduras");
    const chartText = await page.locator(".trend-chart").textContent();
    expect(chartText).toContain("Meta 2030");
    expect(chartText).toContain("Promedio nacional por debajo del 3");
    expect(await page.locator("[data-stale]").count()).toBeGreaterThan(0);
    expect(await page.locator(".source-line").first().textContent()).toContain("Banco Mundial");
    const cells = await page
      .locator("section[aria-labelledby=table-heading] .data-table tbody tr")
      .count();
    expect(cells).toBe(35);
    await expect
      .poll(() => page.locator(".data-table tbody tr", { hasText: "T3 2020" }).textContent())
      .toContain("3.88");

    await page.getByLabel("Desagregación").selectOption("geography");
    await page.waitForURL(/breakdown=geography/);
    await expect
      .poll(() =>
        page.locator("section[aria-labelledby=table-heading] .data-table tbody tr").count(),
      )
      .toBe(70);
    await page.screenshot({ path: `${artifacts}/indicator-es.png`, fullPage: true });
    await page.close();
  });

  it("switches to English and keeps the view (demo included) in the URL", async () => {
    const page = await openPage("/es/indicators/children-in-detention?breakdown=sex&demo=1");
    await page.waitForSelector(".trend-chart svg path", { state: "attached", timeout: 60_000 });
    await page.getByRole("link", { name: "EN", exact: true }).click();
    await page.waitForURL(/\/en\/indicators\/children-in-detention\?breakdown=sex&demo=1$/);
    expect(await page.textContent("h1")).toBe("Honduran children in immigration detention");
    expect(await page.getByLabel("Disaggregation").inputValue()).toBe("sex");
    expect(await page.locator('[data-provenance~="illustrative"]').first().textContent()).toContain(
      "not official statistics",
    );
    await page.close();
  });

  it("makes no request to any origin other than the app's own", () => {
    expect(session().requests.length).toBeGreaterThan(5);
    expect(foreignRequests(session())).toEqual([]);
  });

  afterAll(async () => {
    await writeFile(`${artifacts}/browser-timings.json`, `${JSON.stringify(measured, null, 2)}\n`);
    console.log(`browser timings (ms): ${JSON.stringify(measured)}`);
  });
});
