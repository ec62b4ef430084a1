/**
 * Real files that once broke the upload page: UNODC's GLOTIP workbook (46,556 rows, whose sheet
 * XML made the old reader overflow the worker's stack) and UNHCR's bzip2-compressed R data files.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSessionPerFile, foreignRequests } from "../helpers/browser-session";

const session = browserSessionPerFile();
let page: Page;

beforeAll(async () => {
  ({ page } = session());
  await page.goto(`${session().url}/es/data`);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
});

async function upload(path: string): Promise<string[]> {
  await page
    .locator("[data-summary]")
    .waitFor({ state: "detached", timeout: 5_000 })
    .catch(() => undefined);
  await page.setInputFiles("input[type=file]", path);
  await page.waitForSelector("[data-summary]", { timeout: 120_000 });
  return page
    .locator("[data-finding]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-finding") ?? ""));
}

describe("real files in the upload worker", () => {
  it("reads the GLOTIP workbook and says what is missing, instead of failing to read it", async () => {
    const codes = await upload("data/raw/unodc-glotip_2023-05-30_data_glotip.xlsx");
    expect(codes).not.toContain("unreadable_file");
    expect(codes).toContain("missing_column");
    expect(codes).toContain("unknown_column");
  }, 180_000);

  it("names an R data file for what it is", async () => {
    const codes = await upload("data/raw/unhcr-refugees-pkg_2025.12.1_idmc.rda");
    expect(codes).toEqual(["unsupported_file"]);
    expect(await page.locator('[data-finding="unsupported_file"]').textContent()).toContain(
      "archivo comprimido bzip2 (posiblemente datos de R)",
    );
  }, 120_000);

  it("sent nothing to any other origin", () => {
    expect(foreignRequests(session())).toEqual([]);
  });
});
