import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
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

describe("SDMX-CSV on the Data page", () => {
  it("exports both dataflows as a local download, and the same intake reads them back", async () => {
    expect(await page.getByText(/IAEG-SDGs:DF_SDG_GLC\(1\.14\)/).count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Exportar SDMX-CSV (.zip)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gcm-monitor-sdmx-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(
      new Uint8Array(Buffer.concat(await (await download.createReadStream()).toArray())),
    );
    const sdg = new TextDecoder().decode(zip["IAEG-SDGs_DF_SDG_GLC_1.14.csv"]);
    const national = new TextDecoder().decode(zip["HN_DF_GCM_MONITOR_1.0.csv"]);
    expect(sdg.startsWith("DATAFLOW,FREQ,REPORTING_TYPE,SERIES,REF_AREA,SEX,AGE,")).toBe(true);
    expect(national.startsWith("DATAFLOW,FREQ,REF_AREA,INDICATOR,SEX,AGE,")).toBe(true);
    const manifest = JSON.parse(new TextDecoder().decode(zip["manifest.json"])) as {
      dataflows: { rows: number }[];
    };
    expect(manifest.dataflows.every((d) => d.rows > 0)).toBe(true);

    const file = join(await mkdtemp(join(tmpdir(), "gcm-sdmx-")), "sdg.csv");
    await writeFile(file, sdg);
    await page.setInputFiles("input[type=file]", file);
    await page.waitForSelector("[data-summary]", { timeout: 60_000 });
    const [errors, , rows] = (
      (await page.getAttribute("[data-summary]", "data-summary")) ?? ""
    ).split("/");
    expect(errors).toBe("0");
    expect(Number(rows)).toBe(manifest.dataflows[0]?.rows);
    expect(await page.locator('[data-finding="sdmx_read"]').count()).toBe(1);
  });

  it("sent nothing to any other origin", () => {
    expect(foreignRequests(session())).toEqual([]);
    expect(session().cspViolations).toEqual([]);
  });
});
