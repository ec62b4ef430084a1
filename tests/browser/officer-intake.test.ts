import Papa from "papaparse";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { browserSessionPerFile, foreignRequests, openDataPage } from "../helpers/browser-session";

const session = browserSessionPerFile();
const fixture = "tests/fixtures/intake/officer-es-windows-1252.csv";
let page: Page;
let server: { url: string };

beforeAll(() => {
  ({ page } = session());
  server = { url: session().url };
});

const openData = () => openDataPage(page, server.url);
async function upload(): Promise<string | null> {
  await page
    .locator("[data-summary]")
    .waitFor({ state: "detached" })
    .catch(() => undefined);
  await page.setInputFiles("input[type=file]", fixture);
  await page.waitForSelector("[data-summary]", { timeout: 60_000 });
  return page.getAttribute("[data-summary]", "data-summary");
}
/** A finding's code, row and column, as the findings table shows them. */
async function findingsShown(): Promise<string[][]> {
  return page
    .locator("[data-finding]")
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-finding") ?? "",
        tr.classList.contains("finding--error") ? "error" : "other",
        tr.children[2]?.textContent ?? "",
      ]),
    );
}

/**
 * Spanish-locale Excel opens a `.csv` with the list separator of the locale (`;`) and reads it as
 * UTF-8 only when it starts with a byte-order mark; without one it reads Windows-1252. So: the
 * BOM must be there, and splitting on `;` (quotes respected) must give the columns.
 */
function openAsSpanishExcel(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
  const parsed = Papa.parse<string[]>(text, { delimiter: ";", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("an officer's file from Spanish-locale Excel", () => {
  it("reads Windows-1252, `;`, natural Spanish headers and labels, singular and plural, without an error", async () => {
    await openData();
    // Before any file, nobody has ever reported this indicator: «no source yet», never «late».
    const row = page.locator(
      '[data-periodicity="quarterly"] [data-completeness="children-in-alternatives"]',
    );
    await row.locator('[data-cell$=":no_source"]').first().waitFor({ timeout: 60_000 });
    expect(await row.locator('[data-cell$=":late"]').count()).toBe(0);
    expect(
      await row.locator('[data-cell$=":no_source"] .visually-hidden').first().textContent(),
    ).toBe("Sin fuente todavía");
    const summary = await upload();
    // errors / warnings / rows: no error, five rows read.
    expect(summary?.split("/")[0]).toBe("0");
    expect(summary?.split("/")[2]).toBe("5");
    const shown = await findingsShown();
    expect(shown.filter(([, severity]) => severity === "error")).toEqual([]);
    // The header with accents decoded from Windows-1252 and recognised: only the technician's
    // column is unknown, and it is named as written.
    expect(
      shown.filter(([code]) => code === "unknown_column").map(([, , column]) => column),
    ).toEqual(["Observación del técnico"]);
    // «No acompañado» (singular) and «Mujer» (singular) were recoded, not refused.
    const recoded = await page.locator("ul.fixes li").allTextContents();
    expect(recoded.join(" ")).toContain("No acompañado");
    expect(recoded.join(" ")).toContain("Mujer");
    // One row each, in the singular: «1 fila: la fila 5», not «1 filas».
    expect(recoded.join(" ")).toMatch(/«Mujer» → «female» \(1 fila: la fila \d+\)/);
    expect(recoded.join(" ")).not.toMatch(/\b1 filas\b/);
    // The mapping names the columns in Spanish, the code beside them.
    const meaning = page.getByLabel("Significado de la columna Observación del técnico");
    expect(await meaning.locator("option").allTextContents()).toContain("Nota (note)");
    expect(await meaning.locator("option").allTextContents()).toContain(
      "Grupo de población (population_group)",
    );
    // The officer says what that column is; the file is checked again and can be accepted.
    await meaning.selectOption("note");
    await page.waitForSelector('[data-summary="0/0/5"]', { timeout: 60_000 });
    // Five rows to add and none to change or remove, in the right number each.
    expect(await page.locator("[data-diff-counts]").textContent()).toBe(
      "5 filas nuevas, 0 valores cambiados, 0 filas que el archivo ya no trae (se quitarían).",
    );
    expect(
      await page.getByRole("button", { name: /Aceptar el archivo completo/ }).isDisabled(),
    ).toBe(false);
    expect(await page.getAttribute("[data-remembered-mapping]", "data-remembered-mapping")).toBe(
      "remembered",
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("remembers the mapping for the next file of the same layout, says so, and forgets it on request", async () => {
    await openData();
    // The remembered choice is applied on its own: no warning about the technician's column.
    await page.setInputFiles("input[type=file]", fixture);
    await page.waitForSelector('[data-summary="0/0/5"]', { timeout: 60_000 });
    await page.waitForSelector('[data-remembered-mapping="applied"]');
    expect(await page.getByRole("status").filter({ hasText: "archivo anterior" }).count()).toBe(1);
    expect(
      await page.getByLabel("Significado de la columna Observación del técnico").inputValue(),
    ).toBe("note");

    await page.getByRole("button", { name: "Olvidar esta asignación" }).click();
    await page.waitForSelector('[data-summary="0/1/5"]', { timeout: 60_000 });
    expect(await page.getAttribute("[data-remembered-mapping]", "data-remembered-mapping")).toBe(
      "none",
    );
    expect(
      await page.getByLabel("Significado de la columna Observación del técnico").inputValue(),
    ).toBe("");
    // Forgotten for good: the next upload is mapped automatically again.
    await openData();
    expect(await upload()).toBe("0/1/5");
  });

  it("finds the indicator for every row by typing part of its name", async () => {
    const box = page.getByRole("combobox", { name: /Indicador para todas las filas/ });
    const suggestions = await box.evaluate((input) =>
      [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value),
    );
    expect(suggestions.length).toBeGreaterThan(50);
    expect(suggestions.filter((s) => s.endsWith("(children-in-alternatives)"))).toHaveLength(1);
    await box.fill("children-in-alternatives");
    await page.waitForSelector('[data-remembered-mapping="remembered"]', { timeout: 60_000 });
    expect(await box.inputValue()).toMatch(/\(children-in-alternatives\)$/);
  });

  it("asks before undoing an accepted file, and redoes it", async () => {
    // The technician's column is unknown again (the mapping was forgotten): one warning to tick,
    // said in the singular, as is the summary.
    expect(await page.locator("[data-summary]").textContent()).toMatch(
      /^0 errores, 1 advertencia, 5 filas válidas \(revisado en \d+\.\d s\)\.$/,
    );
    await page.getByLabel("Revisé la advertencia y las cifras son correctas.").check();
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click();
    await page.waitForSelector(".notice--ok");
    const row = page.locator('[data-submission="officer-es-windows-1252.csv"]');
    await row.getByRole("button", { name: "Deshacer" }).click();
    // Cancelling changes nothing.
    expect(await row.locator("[data-undo-confirmation] legend").textContent()).toContain(
      "podrá rehacerlo",
    );
    await row.getByRole("button", { name: "Cancelar" }).click();
    expect(await row.getAttribute("data-status")).toBe("active");
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole("button", { name: "Deshacer" }).click();
    await row.getByRole("button", { name: "Sí, deshacer" }).click();
    await page.waitForSelector(
      '[data-submission="officer-es-windows-1252.csv"][data-status="undone"]',
    );
    await row.getByRole("button", { name: "Rehacer" }).click();
    await page.waitForSelector(
      '[data-submission="officer-es-windows-1252.csv"][data-status="active"]',
    );
    expect(await page.getByRole("status").filter({ hasText: "Se rehízo" }).count()).toBe(1);
    // Redone for good: the stored history says so after a reload.
    await page.reload();
    await page.waitForSelector(
      '[data-submission="officer-es-windows-1252.csv"][data-status="active"]',
      { timeout: 60_000 },
    );
  });

  it("offers a template that opens as columns in a Spanish-locale spreadsheet", async () => {
    await openData();
    const [template] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Descargar CSV" }).click(),
    ]);
    expect(template.suggestedFilename()).not.toMatch(/\s/);
    const bytes = Buffer.concat(await (await template.createReadStream()).toArray());
    const [header, ...rows] = openAsSpanishExcel(bytes);
    expect(header?.slice(0, 4)).toEqual([
      "Indicador (indicator_id)",
      "Periodo (period)",
      "Valor (value)",
      "Sexo (sex)",
    ]);
    expect(header).toContain("Grupo de población (population_group)");
    expect(header).toHaveLength(15);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(15);
      // An indicator id and a period in their own cells, not one long line.
      expect(row[0]).toMatch(/^[a-z0-9-]+$/);
      expect(row[1]).toMatch(/^\d{4}(-Q[1-4]|-\d{2})?$/);
    }
  });

  it("sent nothing to any other origin", () => {
    expect(foreignRequests(session())).toEqual([]);
    expect(session().cspViolations).toEqual([]);
  });
});
