import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { generateObservationsCsv } from "../../scripts/lib/generate-observations";
import { browserSessionPerFile, foreignRequests, openDataPage } from "../helpers/browser-session";

const session = browserSessionPerFile();
const fixture = (name: string) => `tests/fixtures/intake/${name}`;
let page: Page;
let server: { url: string };

beforeAll(() => {
  ({ page } = session());
  server = { url: session().url };
});

const openData = () => openDataPage(page, server.url);
async function upload(name: string) {
  await page
    .locator("[data-summary]")
    .waitFor({ state: "detached" })
    .catch(() => undefined);
  await page.setInputFiles("input[type=file]", fixture(name));
  await page.waitForSelector("[data-summary]", { timeout: 60_000 });
  return page.getAttribute("[data-summary]", "data-summary");
}
async function latestValue(): Promise<string> {
  await page.goto(`${server.url}/es/indicators/children-in-alternatives`);
  await page.waitForSelector(".data-table tbody tr", { timeout: 60_000 });
  return (await page.locator(".data-table tbody tr").last().textContent()) ?? "";
}
/**
 * Without the demo the indicator has no data until an officer's file is accepted: its page says
 * so and shows neither a chart nor a table.
 */
async function showsNoData(): Promise<boolean> {
  await page.goto(`${server.url}/es/indicators/children-in-alternatives`);
  await page.waitForSelector('[data-no-data="children-in-alternatives"]', { timeout: 60_000 });
  return (await page.locator(".data-table tbody tr, .trend-chart").count()) === 0;
}

describe("quarterly intake in the browser", () => {
  it("shows every error by row and column and accepts nothing", async () => {
    await openData();
    // Row 3 is also a second total for the same quarter: a duplicate key.
    expect(await upload("q1-with-errors.csv")).toBe("4/0/1");
    const rows = await page.locator("[data-finding]").evaluateAll((trs) =>
      trs
        .filter(
          (tr) =>
            tr.getAttribute("data-finding") !== "decoded_as" &&
            tr.getAttribute("data-finding") !== "number_format",
        )
        .filter((tr) => tr.classList.contains("finding--error"))
        .map((tr) => [
          tr.getAttribute("data-finding"),
          tr.children[1]?.textContent,
          tr.children[2]?.textContent,
        ]),
    );
    expect(rows).toEqual([
      ["non_numeric_value", "3", "valor"],
      ["duplicate_key", "3", "—"],
      ["impossible_period", "4", "trimestre"],
      ["code_not_allowed", "5", "sexo"],
    ]);
    expect(
      await page.getByRole("button", { name: /Aceptar el archivo completo/ }).isDisabled(),
    ).toBe(true);
    expect(await showsNoData()).toBe(true);
  });

  it("accepts the fixed file, and the data survive a reload", async () => {
    await openData();
    expect(await upload("q1-fixed.csv")).toBe("0/0/3");
    expect(await page.getAttribute("[data-diff-counts]", "data-diff-counts")).toBe("3/0/0");
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click();
    await page.waitForSelector(".notice--ok");
    // Once the page is idle, the engine checkpoints: not inside the accept (idle-checkpoint.ts).
    await page.waitForFunction(
      () => performance.getEntriesByName("gcm:engine:checkpoint").length > 0,
      undefined,
      { timeout: 10_000 },
    );
    await page.reload();
    await page.waitForSelector('[data-submission="q1-fixed.csv"][data-status="active"]', {
      timeout: 60_000,
    });
    expect(await latestValue()).toContain("640");
  });

  it("recognises the same file uploaded twice", async () => {
    await openData();
    expect(await upload("q1-fixed.csv")).toBe("1/0/3");
    expect(await page.locator("[role=alert]").first().textContent()).toContain("ya fue aceptado");
  });

  it("shows a revision's diff, accepts it, and undo brings the previous values back", async () => {
    await openData();
    expect(await upload("q1-revised.csv")).toBe("0/0/2");
    expect(await page.getAttribute("[data-diff-counts]", "data-diff-counts")).toBe("0/2/1");
    const changed = await page.locator(".diff--changed", { hasText: "655" }).textContent();
    expect(changed).toContain("640");
    expect(changed).toContain("655");
    await page.getByRole("button", { name: /Aceptar el archivo completo/ }).click();
    await page.waitForSelector(".notice--ok");
    expect(await latestValue()).toContain("655");

    await openData();
    await page
      .locator('[data-submission="q1-revised.csv"]')
      .getByRole("button", { name: "Deshacer" })
      .click();
    // Undo asks first (officer-intake.test.ts covers cancelling and redoing).
    await page.getByRole("button", { name: "Sí, deshacer" }).click();
    await page.waitForSelector('[data-submission="q1-revised.csv"][data-status="undone"]');
    expect(await latestValue()).toContain("640");
    await page.reload();
    await page.waitForSelector(".data-table tbody tr", { timeout: 60_000 });
    expect(await page.locator(".data-table tbody tr").last().textContent()).toContain("640");
  });

  it("offers a filled-in template, the completeness matrix and the exports, all as local downloads", async () => {
    // The matrix shows the last 8 quarters before today; the page's today is fixed so that the
    // fixtures' 2026-Q1 stays inside that window whenever the suite runs.
    await page.clock.setFixedTime(new Date("2026-08-20T12:00:00Z"));
    await openData();
    const [template] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Descargar CSV" }).click(),
    ]);
    expect(template.suggestedFilename()).toBe("plantilla-2026-Q2.csv");
    const text = await (await template.createReadStream()).toArray();
    // Spanish headers with their codes, `;`-separated, UTF-8 with a BOM (officer-intake.test.ts
    // opens it as a Spanish-locale spreadsheet does).
    expect(Buffer.concat(text).toString("utf8").split(/\r?\n/)[0]).toBe(
      "\uFEFFIndicador (indicator_id);Periodo (period);Valor (value);Sexo (sex);Grupo de edad (age_group);Grupo de población (population_group);Condición migratoria (migration_status);Discapacidad (disability);País de contraparte (geography);Departamento (department);Forma de explotación (exploitation);Estado del caso (case_status);Tema (topic);Fuente (source);Nota (note)",
    );
    // Completeness is shown per periodicity: the quarterly indicator sits in the quarterly table,
    // with who reports it.
    const row = page.locator(
      '[data-periodicity="quarterly"] [data-completeness="children-in-alternatives"]',
    );
    // The tables appear once the counts are read (never a false "late" before that).
    await row.waitFor({ timeout: 60_000 });
    expect(await row.locator('[data-cell="2026-Q1:reported"]').count()).toBe(1);
    expect(await row.locator(".completeness__who").textContent()).toBe(
      "DINAF, SRECI (red consular)",
    );
    expect(
      await page
        .locator('[data-periodicity="annual"] [data-completeness="children-in-alternatives"]')
        .count(),
    ).toBe(0);
    const [bundle] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Parquet \+ manifiesto/ }).click(),
    ]);
    expect(bundle.suggestedFilename()).toMatch(/^gcm-monitor-export-.*\.zip$/);
  });

  it("cancels checking a large file: the worker stops and nothing changes", async () => {
    await openData();
    const before = await page.getAttribute("[data-fingerprint]", "data-fingerprint");
    const file = join(await mkdtemp(join(tmpdir(), "gcm-cancel-")), "large.csv");
    await writeFile(file, generateObservationsCsv(400_000, 11));
    await page.setInputFiles("input[type=file]", file);
    await page.getByRole("progressbar").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Cancelar" }).click();
    await page.getByText("Se canceló la revisión de large.csv").waitFor();
    expect(await page.locator("[data-summary]").count()).toBe(0);
    expect(await page.locator('[role="progressbar"]').count()).toBe(0);
    expect(await page.getAttribute("[data-fingerprint]", "data-fingerprint")).toBe(before);
    // The page still works: the next file is checked as usual.
    expect(await upload("q1-with-errors.csv")).toBe("4/0/1");
  });

  it("sent nothing to any other origin, uploads included", () => {
    expect(session().requests.length).toBeGreaterThan(5);
    expect(foreignRequests(session())).toEqual([]);
    expect(session().cspViolations).toEqual([]);
  });
});
