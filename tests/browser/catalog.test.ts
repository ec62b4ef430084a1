import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSessionPerFile, foreignRequests } from "../helpers/browser-session";

const session = browserSessionPerFile();

async function open(path: string): Promise<Page> {
  const page = await session().context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto(`${session().url}${path}`);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
  return page;
}

describe("browsing the catalog", () => {
  it("goes from a sentence of the report to its indicator and back", async () => {
    const page = await open("/es/report");
    const sentence = page.locator(".report__quote", {
      hasText: "proposing alternatives to avoid the detention of migrant children",
    });
    await sentence.click();
    await page.waitForURL(/\/es\/commitments\/children-alternatives-to-detention$/);
    await expect
      .poll(() => page.textContent("h1"))
      .toBe("Alternativas a la detención de niñez migrante");

    await page.locator("[data-indicator-row=children-atd-share] a").first().click();
    await page.waitForURL(/\/es\/indicators\/children-atd-share$/);
    await page.getByRole("link", { name: "Alternativas a la detención de niñez migrante" }).click();
    await page.waitForURL(/\/es\/commitments\/children-alternatives-to-detention$/);

    await page.getByRole("link", { name: "Ver esta frase en el informe" }).click();
    await page.waitForURL(/\/es\/report#children-alternatives-to-detention$/);
    const target = page.locator(".report__quote--target");
    await expect.poll(() => target.count()).toBeGreaterThan(0);
    expect(await target.first().textContent()).toContain(
      "proposing alternatives to avoid the detention",
    );
    await page.close();
  });

  it("searches both languages and keeps the query in the URL", async () => {
    const page = await open("/es/catalog");
    await page.getByLabel("Buscar en el catálogo").fill("trata víctimas");
    await page.waitForURL(/q=trata/);
    await expect.poll(() => page.locator(".search-results li").count()).toBeGreaterThan(2);
    expect(await page.locator(".search-results").textContent()).toContain(
      "Víctimas de trata identificadas",
    );
    await page.goto(`${session().url}/en/catalog?q=missing%20migrants`);
    await expect.poll(() => page.locator(".search-results li").count()).toBeGreaterThan(2);
    await page.close();
  });

  it("shows an indicator without data as such, with the file that would feed it", async () => {
    const page = await open("/es/indicators/missing-migrants-national-registry");
    const panel = page.locator("[data-no-data]");
    await panel.waitFor();
    expect(await panel.textContent()).toContain("Sin datos todavía");
    expect(await panel.locator(".template").textContent()).toContain("indicator_id,period,value");
    await page.close();
  });

  it("lists a population group's indicators across all themes", async () => {
    const page = await open("/es/groups/disabled-migrants");
    await expect.poll(() => page.textContent("h1")).toBe("Personas migrantes con discapacidad");
    expect(await page.locator("[data-indicator-row]").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator(".lead").textContent()).toContain("Grupo de Washington");
    await page.close();
  });

  it("opens a GCM objective lens", async () => {
    const page = await open("/en/objectives/20");
    await expect.poll(() => page.textContent("h1")).toContain("remittances");
    expect(await page.locator("[data-indicator-row=remittance-cost-usd200]").count()).toBe(1);
    await page.close();
  });

  it("requests nothing from another origin", () => {
    expect(foreignRequests(session())).toEqual([]);
  });
});
