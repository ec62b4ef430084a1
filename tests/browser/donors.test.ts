import Papa from "papaparse";
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
  it("shows no funding without the demo: there is no real funding data", async () => {
    await page.goto(`${server.url}/es/donors`);
    await page.waitForSelector("[data-no-funding]", { timeout: 60_000 });
    expect(await page.locator("[data-funded]").count()).toBe(0);
    expect(await page.locator("[data-demo-banner]").count()).toBe(0);
  });

  it("picks a donor and shows only what it funds, with money and progress side by side", async () => {
    await page.goto(`${server.url}/es/donors?demo=1`);
    await page.waitForSelector("[data-funded]", { timeout: 60_000 });
    expect(await page.locator("[data-demo-banner]").count()).toBe(1);
    expect(await page.locator("[data-funded]").count()).toBe(8);
    expect(await page.locator("[data-no-funding]").count()).toBe(0);
    // All demo funding says it is illustrative.
    expect(
      await page.locator('[data-funding-source]:not([data-funding-source="illustrative"])').count(),
    ).toBe(0);
    // A commitment whose indicators have enough statuses gets a coloured roll-up.
    expect(
      await page
        .locator('[data-funded="children-alternatives-to-detention"] [data-roll-up]')
        .getAttribute("data-roll-up"),
    ).toBe("on_track");
    await page.getByLabel("Donante").selectOption("Agencia Ilustrativa Este");
    await page.waitForURL(/donor=Agencia/);
    // The demo stays on through the view's own navigation.
    expect(new URL(page.url()).searchParams.get("demo")).toBe("1");
    await expect.poll(() => page.locator("[data-funded]").count(), { timeout: 60_000 }).toBe(2);
    expect(await page.locator("[data-totals]").textContent()).toContain("CHF");
    await page.getByLabel("Ordenar por").selectOption("rate");
    await expect
      .poll(() => page.locator("[data-funded]").first().getAttribute("data-funded"))
      .toBe("missing-migrants-data-exchange");
    const row = page.locator('[data-funded="missing-migrants-data-exchange"]');
    expect(await row.textContent()).toContain("43 %");
    // The demo does not cover the missing-migrants indicators (they have real IOM data, too
    // recent for a status), so none of the commitment's 4 assessable indicators has a status.
    expect(await row.locator("[data-roll-up]").getAttribute("data-roll-up")).toBe(
      "insufficient_data",
    );
    expect(await row.locator("[data-funding-source]").getAttribute("data-funding-source")).toBe(
      "illustrative",
    );
    expect(await row.locator("[data-provenance]").getAttribute("data-provenance")).toBe("dataset");
  });

  it("exports the view as CSV, each row naming its funding and data sources, and lists the gaps", async () => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportar CSV" }).click(),
    ]);
    const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
    // From a Spanish page: `;`, a BOM, Spanish headers with their codes, decimal commas.
    // The donor picked above names the file, with hyphens for spaces.
    expect(file.suggestedFilename()).toBe("financiamiento-Agencia-Ilustrativa-Este.csv");
    const header = text.split(/\r?\n/)[0] ?? "";
    expect(header.startsWith("\uFEFF")).toBe(true);
    const { data: parsed } = Papa.parse<Record<string, string>>(text.slice(1).trim(), {
      header: true,
      delimiter: ";",
    });
    // Each header is «Label (code)»: read the rows by code.
    const data = parsed.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [/\(([a-z_]+)\)$/.exec(k)?.[1] ?? k, v]),
      ),
    );
    expect(
      header
        .slice(1)
        .split(";")
        .map((h) => /\(([a-z_]+)\)$/.exec(h)?.[1]),
    ).toEqual([
      "commitment_id",
      "commitment",
      "donor",
      "programmes",
      "currency",
      "committed",
      "disbursed",
      "disbursement_rate",
      "progress",
      "indicators_with_data",
      "indicators",
      "latest_data",
      "funding_source",
      "data_sources",
    ]);
    expect(header).toContain(
      "Identificador del compromiso (commitment_id);Compromiso (commitment)",
    );
    expect(data.map((r) => r.commitment_id)).toEqual([
      "missing-migrants-data-exchange",
      "identify-trafficking-victims",
    ]);
    const missing = data[0];
    expect(missing?.disbursement_rate).toBe("0,43");
    expect(missing?.funding_source).toContain("ILUSTRATIVO");
    expect(missing?.data_sources).toContain("Migrantes Desaparecidos");
    expect(missing?.data_sources).toContain("CC BY 4.0");
    expect(missing?.data_sources).not.toContain("ILUSTRATIVO");
    expect(data[1]?.data_sources).toContain("UNODC");
    expect(data[1]?.data_sources).toContain("ILUSTRATIVO");
    await page.goto(`${server.url}/es/donors?demo=1`);
    await page.waitForSelector('[data-gap="funded-without-data"]', { timeout: 60_000 });
    expect(await page.locator('[data-gap="funded-without-data"]').textContent()).toContain(
      "discapacidad",
    );
  });

  it("shows on a commitment page who funds it", async () => {
    await page.goto(`${server.url}/en/commitments/support-for-returnee-reinsertion?demo=1`);
    await page.waitForSelector("[data-funders]", { timeout: 60_000 });
    expect(await page.locator("[data-funders]").textContent()).toContain("Fondo Ilustrativo Norte");
    // Without the demo nobody funds it: there is no real funding data.
    await page.goto(`${server.url}/en/commitments/support-for-returnee-reinsertion`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await page.getByText("No recorded donor funds this commitment.").waitFor();
    expect(await page.locator("[data-funders]").count()).toBe(0);
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
    await page.getByLabel(/Revisé la advertencia y/).check();
    await accept.click();
    await page.waitForSelector(".notice--ok");

    await page.goto(`${server.url}/es/donors?donor=Donante%20de%20Prueba`);
    await expect.poll(() => page.locator("[data-funded]").count(), { timeout: 60_000 }).toBe(2);
    // Accepted funding is real funding: named as such, and no "no funding" notice.
    expect(
      await page
        .locator("[data-funding-source]")
        .evaluateAll((ps) => ps.map((p) => p.getAttribute("data-funding-source"))),
    ).toEqual(["accepted", "accepted"]);
    expect(await page.locator("[data-no-funding]").count()).toBe(0);

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
    await page
      .locator('[data-submission="funding-2026-revised.csv"]')
      .getByRole("button", { name: "Deshacer" })
      .click();
    await page.getByRole("button", { name: "Sí, deshacer" }).click();
    await page.waitForSelector(
      '[data-submission="funding-2026-revised.csv"][data-status="undone"]',
    );
    await page.goto(`${server.url}/es/donors?donor=Donante%20de%20Prueba`);
    await expect.poll(() => page.locator("[data-funded]").count(), { timeout: 60_000 }).toBe(2);
  });
});
