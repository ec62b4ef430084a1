import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { loadObservations } from "../../src/lib/observations/observation-table";
import { buildBreakdownSql } from "../../src/lib/observations/series-sql";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { axeViolations } from "../helpers/axe";
import { browserSessionPerFile, foreignRequests } from "../helpers/browser-session";

const session = browserSessionPerFile();
let page: Page;
let engine: Engine;

/** The same breakdown query the page runs, on the same real data, in DuckDB under Node. */
async function departmentValues(period: string): Promise<Record<string, number>> {
  const { sql, params } = buildBreakdownSql("remittance-inflows-usd", "department");
  const rows = await engine.query(sql, params);
  return Object.fromEntries(
    rows.filter((r) => r.period === period).map((r) => [String(r.code), Number(r.value)]),
  );
}

beforeAll(async () => {
  ({ page } = session());
  engine = await startNodeEngine();
  await loadObservations(engine, await collectObservations(["real"]));
});
afterAll(async () => engine.close());

async function tableValues(): Promise<Record<string, number>> {
  return Object.fromEntries(
    await page
      .locator("[data-map-row]")
      .evaluateAll((rows) =>
        rows.flatMap((r) =>
          r.getAttribute("data-value")
            ? [[r.getAttribute("data-map-row") ?? "", Number(r.getAttribute("data-value"))]]
            : [],
        ),
      ),
  );
}

describe("remittance inflows by department (BCH, real data)", () => {
  it("draws the map from the real data, and the table under it equals the query result", async () => {
    await page.goto(`${session().url}/es/indicators/remittance-inflows-usd`);
    await page.waitForSelector("[data-department-map] .map-chart svg path", {
      state: "attached",
      timeout: 60_000,
    });
    const period = await page.locator("[data-map-period]").inputValue();
    expect(period).toBe("2025-Q4");
    const expected = await departmentValues(period);
    expect(Object.keys(expected)).toHaveLength(18);
    expect(await tableValues()).toEqual(expected);
    // 18 departments drawn, each with its own colour class or the no-data hatch.
    expect(
      await page.locator("[data-department-map] .map-chart svg path").count(),
    ).toBeGreaterThanOrEqual(18);
    expect(await page.locator("[data-map-class]").count()).toBeGreaterThan(2);
    expect(await page.locator("[data-department-map] .source-line").textContent()).toContain("BCH");
  });

  it("changes period and shows years as sums of their four quarters", async () => {
    await page.locator("[data-map-period]").selectOption("2024-Q1");
    await expect
      .poll(async () => (await tableValues())["HN-CR"])
      .toBe((await departmentValues("2024-Q1"))["HN-CR"]);
    await page.locator("[data-map-years]").check();
    await page.locator("[data-map-period]").selectOption("2024");
    const quarters = await Promise.all(
      ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"].map(departmentValues),
    );
    const cortes = quarters.reduce((sum, q) => sum + (q["HN-CR"] ?? 0), 0);
    await expect.poll(async () => (await tableValues())["HN-CR"]).toBeCloseTo(cortes, 2);
  });

  it("shows USD per person on each department's 2024 population, and says when the years differ", async () => {
    await page.getByRole("radio", { name: "Trimestre", exact: true }).check();
    await page.locator("[data-map-period]").selectOption("2019-Q2");
    await page.locator("[data-map-per-capita]").check();
    const population = JSON.parse(readFileSync("src/assets/population-hnd-2024.json", "utf8")) as {
      year: number;
      departments: Record<string, { total: { total: number } }>;
    };
    const value = (await departmentValues("2019-Q2"))["HN-FM"] ?? 0;
    const people = population.departments["HN-FM"]?.total.total ?? 0;
    await expect.poll(async () => (await tableValues())["HN-FM"]).toBeCloseTo(value / people, 6);
    expect(await page.locator("[data-map-denominator]").textContent()).toContain(
      "Tasa de 2019 calculada con población de 2024",
    );
    await page.locator("[data-map-per-capita]").uncheck();
  });

  it("shows a department's series from the table, by keyboard", async () => {
    const button = page.locator('[data-map-row="HN-FM"] button');
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-map-selected="HN-FM"] svg path', { state: "attached" });
    expect(await button.getAttribute("aria-pressed")).toBe("true");
  });

  it("passes axe with data, and without data (returnees by department, demo off)", async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${session().url}/en/indicators/remittance-inflows-usd`);
    await page.waitForSelector("[data-map-table]", { timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${session().url}/es/indicators/returnees-received`);
    await page.waitForSelector("[data-department-map] [data-map-empty]", { timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("draws the returnee map from the demo's department rows when the demo is on", async () => {
    await page.goto(`${session().url}/es/indicators/returnees-received?demo=1`);
    await page.waitForSelector("[data-department-map] .map-chart svg path", {
      state: "attached",
      timeout: 60_000,
    });
    expect(Object.keys(await tableValues()).length).toBe(18);
    expect(await page.locator("[data-department-map] .source-line").textContent()).toContain(
      "ILUSTRATIVO",
    );
  });

  it("sends no request to any other origin: no tiles, no basemap", () => {
    expect(foreignRequests(session())).toEqual([]);
  });
});
