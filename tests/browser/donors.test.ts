import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/chromium";
import { startPreview } from "../helpers/preview-server";

let server: Awaited<ReturnType<typeof startPreview>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
  context = browser.context;
  page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("donor view", () => {
  it("picks a donor and shows only what it funds, with money and progress side by side", async () => {
    await page.goto(`${server.url}/es/donors`);
    await page.waitForSelector("[data-funded]", { timeout: 60_000 });
    expect(await page.locator("[data-funded]").count()).toBe(8);
    await page.getByLabel("Donante").selectOption("Agencia Ilustrativa Este");
    await page.waitForURL(/donor=Agencia/);
    await expect.poll(() => page.locator("[data-funded]").count()).toBe(2);
    expect(await page.locator("[data-totals]").textContent()).toContain("CHF");
    const row = page.locator('[data-funded="missing-migrants-data-exchange"]');
    expect(await row.textContent()).toContain("43 %");
    expect(await row.locator("[data-roll-up]").getAttribute("data-roll-up")).toBe("moving_away");
  });

  it("exports the view as CSV and lists the gaps", async () => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportar CSV" }).click(),
    ]);
    const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
    expect(text.split(/\r?\n/)[0]).toContain("commitment_id,commitment,donor");
    expect(text).toContain("missing-migrants-data-exchange");
    await page.goto(`${server.url}/es/donors`);
    await page.waitForSelector('[data-gap="funded-without-data"]', { timeout: 60_000 });
    expect(await page.locator('[data-gap="funded-without-data"]').textContent()).toContain(
      "discapacidad",
    );
  });

  it("shows on a commitment page who funds it", async () => {
    await page.goto(`${server.url}/en/commitments/support-for-returnee-reinsertion`);
    await page.waitForSelector("[data-funders]", { timeout: 60_000 });
    expect(await page.locator("[data-funders]").textContent()).toContain("Fondo Ilustrativo Norte");
  });
});
