import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSessionPerFile } from "../helpers/browser-session";

const session = browserSessionPerFile();
let page: Page;
let server: { url: string };

beforeAll(() => {
  ({ page } = session());
  server = { url: session().url };
});

describe("donor view", () => {
  it("picks a donor and shows only what it funds, with money and progress side by side", async () => {
    await page.goto(`${server.url}/es/donors`);
    await page.waitForSelector("[data-funded]", { timeout: 60_000 });
    expect(await page.locator("[data-funded]").count()).toBe(8);
    await page.getByLabel("Donante").selectOption("Agencia Ilustrativa Este");
    await page.waitForURL(/donor=Agencia/);
    await expect.poll(() => page.locator("[data-funded]").count(), { timeout: 60_000 }).toBe(2);
    expect(await page.locator("[data-totals]").textContent()).toContain("CHF");
    await page.getByLabel("Ordenar por").selectOption("rate");
    await expect
      .poll(() => page.locator("[data-funded]").first().getAttribute("data-funded"))
      .toBe("missing-migrants-data-exchange");
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

describe("funding files through the Data page", () => {
  it("accepts a donor's file after confirming its warning, revises it with a diff, and undo restores it", async () => {
    await page.goto(`${server.url}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.setInputFiles("input[type=file]", "tests/fixtures/intake/funding-2026.csv");
    await page.waitForSelector("[data-summary]", { timeout: 60_000 });
    expect(await page.getAttribute("[data-summary]", "data-summary")).toBe("0/1/2");
    expect(await page.getAttribute("[data-diff-counts]", "data-diff-counts")).toBe("2/0/0");
    const accept = page.getByRole("button", { name: /Aceptar el archivo completo/ });
    expect(await accept.isDisabled()).toBe(true);
    await page.getByLabel(/Revisé las 1 advertencias/).check();
    await accept.click();
    await page.waitForSelector(".notice--ok");

    await page.goto(`${server.url}/es/donors?donor=Donante%20de%20Prueba`);
    await expect.poll(() => page.locator("[data-funded]").count(), { timeout: 60_000 }).toBe(2);

    await page.goto(`${server.url}/es/data`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.setInputFiles("input[type=file]", "tests/fixtures/intake/funding-2026-revised.csv");
    await page.waitForSelector("[data-diff-counts]", { timeout: 60_000 });
    // The donor's 2026 funding is restated: one amount changes, the other programme goes.
    expect(await page.getAttribute("[data-diff-counts]", "data-diff-counts")).toBe("0/1/1");
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click();
    await page.waitForSelector(".notice--ok");
    await page.goto(`${server.url}/es/donors?donor=Donante%20de%20Prueba`);
    await expect.poll(() => page.locator("[data-funded]").count(), { timeout: 60_000 }).toBe(1);

    await page.goto(`${server.url}/es/data`);
    await page.locator('[data-submission="funding-2026-revised.csv"] button').click();
    await page.waitForSelector(
      '[data-submission="funding-2026-revised.csv"][data-status="undone"]',
    );
    await page.goto(`${server.url}/es/donors?donor=Donante%20de%20Prueba`);
    await expect.poll(() => page.locator("[data-funded]").count(), { timeout: 60_000 }).toBe(2);
  });
});
