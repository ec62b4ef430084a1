import { describe, expect, it } from "vitest";
import en from "../../src/lib/i18n/locales/en.json";
import es from "../../src/lib/i18n/locales/es.json";
import { browserSessionPerFile } from "../helpers/browser-session";

const session = browserSessionPerFile();
const artifacts = "tests/artifacts";

/** PDF page objects, not the page-tree node (`/Type /Pages`). */
const pageCount = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe("printable brief", () => {
  it.each([
    ["overall", "/es/brief"],
    ["a theme", "/es/brief?theme=theme-3"],
    ["a population group", "/en/brief?group=migrant-children"],
  ])("prints %s on one A4 page with date, freshness and sources", async (_name, path) => {
    const { page, url } = session();
    await page.goto(`${url}${path}`);
    await page.waitForSelector("[data-brief]", { timeout: 60_000 });
    const text = (await page.locator("[data-brief]").textContent()) ?? "";
    expect(text).toMatch(/2025|T4 2025|Q4 2025/);
    expect(text).toMatch(/Fuentes|Sources/);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    const letter = await page.pdf({ format: "Letter", printBackground: true });
    expect(pageCount(letter)).toBe(1);
    await page.emulateMedia({ media: "screen" });
    if (path === "/es/brief")
      await page.screenshot({ path: `${artifacts}/brief-es.png`, fullPage: true });
  });
});

function leaves(value: unknown): string[] {
  return typeof value === "string"
    ? [value]
    : typeof value === "object" && value !== null
      ? Object.values(value).flatMap(leaves)
      : [];
}

describe("languages", () => {
  // Spanish interface texts (without placeholders) that English never uses.
  const english = new Set(leaves(en));
  const spanishOnly = leaves(es).filter(
    (text) => !text.includes("{{") && text.length >= 8 && !english.has(text),
  );

  it.each([
    "/en",
    "/en/catalog",
    "/en/indicators/reintegration-rate?breakdown=sex",
    "/en/donors",
    "/en/data",
    "/en/brief",
  ])("%s shows no Spanish interface text", async (path) => {
    const { page, url } = session();
    await page.goto(`${url}${path}`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    // biome-ignore lint/performance/useDomNodeTextContent: only visible text counts here, which textContent does not give
    const text = await page.locator("body").innerText();
    expect(spanishOnly.length).toBeGreaterThan(100);
    expect(spanishOnly.filter((s) => text.includes(s))).toEqual([]);
  });
});

describe("chart downloads", () => {
  it("downloads a chart as PNG and its data as CSV", async () => {
    const { page, url } = session();
    await page.goto(`${url}/es/indicators/remittance-cost-usd200`);
    await page.waitForSelector(".trend-chart svg path", { state: "attached", timeout: 60_000 });
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Descargar imagen (PNG)" }).click(),
    ]);
    const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
    expect(png.suggestedFilename()).toBe("remittance-cost-usd200.png");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5_000);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Descargar datos (CSV)" }).click(),
    ]);
    const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString("utf8");
    expect(text.split(/\r?\n/)[0]).toBe("Serie,Periodo,Valor");
    expect(text).toContain("Estados Unidos,2020-Q3,3.882");
  });
});

describe("shareable and usable everywhere", () => {
  it("reopens exactly the view a URL describes", async () => {
    const { page, url } = session();
    await page.goto(
      `${url}/en/indicators/children-in-detention?breakdown=population_group&method=unsd`,
    );
    await page.waitForSelector(".trend-chart svg", { timeout: 60_000 });
    expect(await page.getByLabel("Disaggregation").inputValue()).toBe("population_group");
    expect(await page.getByLabel("Progress method").inputValue()).toBe("unsd");
    await page.goto(`${url}/es/donors?donor=Agencia%20Ilustrativa%20Este&sort=rate`);
    await page.waitForSelector("[data-funded]", { timeout: 60_000 });
    expect(await page.getByLabel("Donante").inputValue()).toBe("Agencia Ilustrativa Este");
    expect(await page.getByLabel("Ordenar por").inputValue()).toBe("rate");
    await page.goto(`${url}/es/catalog?q=remesas`);
    expect(await page.getByLabel("Buscar en el catálogo").inputValue()).toBe("remesas");
  });

  it("fits a phone-width screen without sideways scrolling", async () => {
    const { page, url } = session();
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ["/es", "/es/indicators/reintegration-rate", "/es/donors", "/es/data"]) {
      await page.goto(`${url}${path}`);
      await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("works by keyboard alone: reach an indicator from the overview and change its breakdown", async () => {
    const { page, url } = session();
    await page.goto(`${url}/es`);
    await page.waitForSelector("[data-cell]", { timeout: 60_000 });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Saltar al contenido",
    );
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const href = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      if (href?.includes("/indicators/")) break;
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/indicators\//);
    await page.getByLabel("Desagregación").focus();
    await page.keyboard.press("ArrowDown");
    await page.waitForURL(/breakdown=/);
  });
});
