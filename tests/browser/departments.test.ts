import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSessionPerFile, foreignRequests } from "../helpers/browser-session";

const session = browserSessionPerFile();
let page: Page;

beforeAll(() => {
  ({ page } = session());
});

async function open(path: string) {
  await page.goto(`${session().url}${path}`);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
}

describe("departments: catalog, template and intake in the browser", () => {
  it("says on the indicator's page which department counts and that all 18 are broken down", async () => {
    await open("/es/indicators/returnees-received");
    const facts = page.locator(".facts");
    await facts.waitFor();
    const text = (await facts.textContent()) ?? "";
    expect(text).toContain("departamento de origen / de retorno declarado");
    expect(text).toContain("Departamento de Honduras: los 18 departamentos (Atlántida … Yoro)");
    await open("/en/indicators/returnees-received");
    expect(await page.locator(".facts").textContent()).toContain(
      "Department of Honduras: all 18 departments (Atlántida … Yoro)",
    );
  });

  it("draws the demo's illustrative returnees by department on the map (demo on)", async () => {
    await open("/es/indicators/returnees-received?demo=1");
    const map = page.locator('[data-department-map="returnees-received"]');
    await map.waitFor({ timeout: 60_000 });
    expect(await map.locator("[data-map-empty]").count()).toBe(0);
    expect(await page.locator("[data-demo-banner]").count()).toBe(1);
  });

  it("offers a template with the department column and says how to write a department", async () => {
    await open("/es/data");
    const panel = page.locator('[aria-labelledby="template-heading"]');
    await panel.locator("select[multiple]").selectOption(["returnees-received"]);
    expect(await panel.locator("[data-template-departments]").textContent()).toContain(
      "P-code de OCHA (HN01)",
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Descargar CSV" }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    // A Spanish page writes the template as a Spanish-locale Excel reads it: `;`-separated.
    const lines = csv.split(/\r?\n/).filter((l) => l.startsWith("returnees-received;"));
    // The total, 2 sexes, 2 age groups, 3 countries of return and the 18 departments.
    expect(lines).toHaveLength(26);
    expect(lines.filter((l) => /;HN-[A-Z]{2};/.test(l))).toHaveLength(18);
    await panel.locator("select[multiple]").selectOption(["children-in-detention"]);
    expect(await panel.locator("[data-template-departments]").count()).toBe(0);
  });

  it("recodes a department's name as a listed fix and refuses an unknown one by row and column", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gcm-departments-"));
    const file = join(dir, "retornados-por-departamento.csv");
    await writeFile(
      file,
      [
        "indicador,periodo,valor,departamento",
        "returnees-received,2026-Q1,120,Atlantida",
        "returnees-received,2026-Q1,80,HN08",
        "returnees-received,2026-Q1,9,Tegucigalpa",
      ].join("\n"),
    );
    await open("/es/data");
    await page.setInputFiles("input[type=file]", file);
    await page.waitForSelector("[data-summary]", { timeout: 60_000 });
    const fixes = await page.locator("ul.fixes li").allTextContents();
    expect(fixes).toContain(
      "Categoría recodificada en «departamento»: «Atlantida» → «HN-AT» (1 fila: la fila 2).",
    );
    expect(fixes.some((f) => f.includes("«HN08» → «HN-FM»"))).toBe(true);
    const errors = await page
      .locator('[data-finding="unknown_department"]')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(errors).toEqual([
      [
        "Error",
        "4",
        "departamento",
        "Tegucigalpa",
        "Departamento no reconocido.",
        expect.stringContaining("HN-AT"),
      ],
    ]);
    expect(
      await page.getByRole("button", { name: /Aceptar el archivo completo/ }).isDisabled(),
    ).toBe(true);
    expect(foreignRequests(session())).toEqual([]);
  });
});
