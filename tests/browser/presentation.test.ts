import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/lib/format/format-value";
import en from "../../src/lib/i18n/locales/en.json";
import es from "../../src/lib/i18n/locales/es.json";
import { browserSessionPerFile } from "../helpers/browser-session";

const session = browserSessionPerFile();
const artifacts = "tests/artifacts";

/** PDF page objects, not the page-tree node (`/Type /Pages`). */
const pageCount = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe("printable brief", () => {
  // The default brief shows real data only; the theme's indicators have none yet, so its brief is
  // checked with the demo. "Freshness" is the latest period among the brief's figures, and figures
  // too old to describe today are flagged.
  it.each([
    {
      name: "overall (real data)",
      path: "/es/brief",
      language: "es" as const,
      freshness: "T1 2026",
      provenance: "dataset",
      stale: [
        "remittance-cost-usd200",
        "trafficking-persons-convicted-unodc",
        "trafficking-persons-prosecuted-unodc",
        "trafficking-victims-detected-unodc",
      ],
    },
    {
      name: "a theme (demo)",
      path: "/es/brief?theme=theme-3&demo=1",
      language: "es" as const,
      freshness: "T4 2025",
      provenance: "illustrative",
      stale: [],
    },
    {
      name: "a population group (real data)",
      path: "/en/brief?group=migrant-children",
      language: "en" as const,
      freshness: "2020",
      provenance: "dataset",
      stale: ["trafficking-victims-detected-unodc"],
    },
  ])(
    "prints $name on one A4 page with date, freshness and sources",
    async ({ path, language, freshness, provenance, stale }) => {
      const { page, url } = session();
      await page.goto(`${url}${path}`);
      await page.waitForSelector("[data-brief]", { timeout: 60_000 });
      const brief = page.locator("[data-brief]");
      const locale = language === "es" ? es : en;
      expect(await page.locator("[data-demo-banner]").count()).toBe(
        path.includes("demo=1") ? 1 : 0,
      );
      // Date and freshness: "Prepared on <today> · data up to <latest period> · method: …".
      const [dateAndPeriod = ""] = locale.brief.meta
        .replace("{{date}}", formatDate(new Date(), language, "long"))
        .replace("{{period}}", freshness)
        .split("{{method}}");
      expect(await brief.textContent()).toContain(dateAndPeriod);
      // Sources: every figure names its own, and the footer says where everything comes from.
      const rows = brief.locator("[data-brief-row]");
      const rowCount = await rows.count();
      expect(rowCount).toBeGreaterThan(0);
      expect(
        await rows.evaluateAll((trs) =>
          trs.map((tr) => tr.querySelector("[data-provenance]")?.getAttribute("data-provenance")),
        ),
      ).toEqual(Array(rowCount).fill(provenance));
      // Each row's numbered references point into the list of sources, each said once, in full.
      const listed = await brief
        .locator(".brief__sources li")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-provenance")));
      expect(listed.length).toBeGreaterThan(0);
      expect(new Set(listed)).toEqual(new Set([provenance]));
      const refs = await rows.evaluateAll((trs) =>
        trs.flatMap(
          (tr) => (tr.querySelector(".brief__refs")?.textContent ?? "").match(/\d+/g) ?? [],
        ),
      );
      expect(new Set(refs.map(Number))).toEqual(new Set(listed.map((_, i) => i + 1)));
      expect(await brief.locator(".brief__footer").textContent()).toContain(locale.brief.sources);
      // Old figures are flagged.
      for (const id of stale)
        expect(await brief.locator(`[data-brief-row="${id}"] [data-stale]`).count(), id).toBe(1);
      expect(await brief.locator("[data-brief-row] [data-stale]").count()).toBe(stale.length);
      // Coverage counts cover the scope: every indicator is either in the table or listed without data.
      const coverage = await Promise.all(
        ["published", "accepted", "none"].map(async (kind) =>
          Number(
            await brief.locator(`[data-coverage-${kind}]`).getAttribute(`data-coverage-${kind}`),
          ),
        ),
      );
      const waiting = Number(
        (await brief.locator("[data-brief-waiting]").getAttribute("data-brief-waiting")) ?? 0,
      );
      expect(coverage.reduce((a, b) => a + b, 0)).toBe(rowCount + waiting);

      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      const letter = await page.pdf({ format: "Letter", printBackground: true });
      await page.emulateMedia({ media: "screen" });
      if (path === "/es/brief")
        await page.screenshot({ path: `${artifacts}/brief-es.png`, fullPage: true });
      expect(pageCount(pdf)).toBe(1);
      expect(pageCount(letter)).toBe(1);
    },
  );
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
    "/en/indicators/reintegration-rate?breakdown=sex&demo=1",
    "/en/donors",
    "/en/donors?demo=1",
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
  it("downloads a chart as PNG and SVG and its data as CSV", async () => {
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
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Descargar imagen vectorial (SVG)" }).click(),
    ]);
    const vector = Buffer.concat(await (await svg.createReadStream()).toArray()).toString("utf8");
    expect(svg.suggestedFilename()).toBe("remittance-cost-usd200.svg");
    expect(vector).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(vector).toContain("Meta 2030");
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Descargar datos (CSV)" }).click(),
    ]);
    const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString("utf8");
    // From a Spanish page, as a Spanish-locale spreadsheet opens it: BOM, `;`, decimal comma.
    expect(text.split(/\r?\n/)[0]).toBe(
      "\uFEFFSerie;Periodo;Valor;Estado de la observación;Fuente",
    );
    const { data } = Papa.parse<Record<string, string>>(text.slice(1).trim(), {
      header: true,
      delimiter: ";",
    });
    const point = data.find((r) => r.Serie === "Estados Unidos" && r.Periodo === "2020-Q3");
    expect(point?.Valor).toBe("3,882");
    expect(point?.["Estado de la observación"]).toBe("normal");
    // Every point names its source: the World Bank's published series, with its licence.
    expect(data.length).toBeGreaterThan(10);
    for (const row of data) {
      expect(row.Fuente).toContain("Banco Mundial: Remittance Prices Worldwide");
      expect(row.Fuente).toContain("licencia CC BY 4.0");
    }
  });
});

describe("shareable and usable everywhere", () => {
  it("reopens exactly the view a URL describes", async () => {
    const { page, url } = session();
    // Illustrative series and funding: the demo is part of the view the URL describes.
    await page.goto(
      `${url}/en/indicators/children-in-detention?breakdown=population_group&method=unsd&demo=1`,
    );
    await page.waitForSelector(".trend-chart svg", { timeout: 60_000 });
    expect(await page.locator("[data-demo-banner]").count()).toBe(1);
    expect(await page.getByLabel("Disaggregation").inputValue()).toBe("population_group");
    expect(await page.getByLabel("Progress method").inputValue()).toBe("unsd");
    await page.goto(`${url}/es/donors?donor=Agencia%20Ilustrativa%20Este&sort=rate&demo=1`);
    await page.waitForSelector("[data-funded]", { timeout: 60_000 });
    expect(await page.locator("[data-demo-banner]").count()).toBe(1);
    expect(await page.getByLabel("Donante").inputValue()).toBe("Agencia Ilustrativa Este");
    expect(await page.getByLabel("Ordenar por").inputValue()).toBe("rate");
    expect(
      await page
        .locator("[data-funded]")
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-funded"))),
    ).toEqual(["missing-migrants-data-exchange", "identify-trafficking-victims"]);
    await page.goto(`${url}/es/catalog?q=remesas`);
    expect(await page.getByLabel("Buscar en el catálogo").inputValue()).toBe("remesas");
  });

  it("fits a phone-width screen without sideways scrolling", async () => {
    const { page, url } = session();
    await page.setViewportSize({ width: 375, height: 800 });
    // With the demo, so the indicator's chart and the donor table are there to fit.
    for (const path of [
      "/es",
      "/es/indicators/reintegration-rate?demo=1",
      "/es/donors?demo=1",
      "/es/data",
    ]) {
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
