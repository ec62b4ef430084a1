import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../src/lib/intake/read-csv";
import { browserSessionPerFile } from "../helpers/browser-session";

const session = browserSessionPerFile();
let page: Page;
let url: string;

beforeAll(() => {
  ({ page, url } = session());
});

/** The demo file's rows, read here independently of the app. */
const demo = readCsv(readFileSync("data/demo/observations/illustrative-quarterly.csv", "utf8"));
const column = (name: string) => demo.header.indexOf(name);
const dimensionColumns = ["sex", "age_group", "population_group", "geography", "department"].map(
  column,
);

/** The latest value of one indicator where age_group is `age` and every other dimension is blank. */
function latest(indicatorId: string, age: string): { period: string; value: number } {
  const rows = demo.records
    .map((r) => r.cells)
    .filter(
      (c) =>
        c[column("indicator_id")] === indicatorId &&
        dimensionColumns.every((i) => (i === column("age_group") ? c[i] === age : !c[i])) &&
        c[column("value")] !== "",
    )
    .sort((a, b) => String(a[column("period")]).localeCompare(String(b[column("period")])));
  const last = rows.at(-1);
  if (!last) throw new Error(`no ${indicatorId} rows for age ${age}`);
  return { period: String(last[column("period")]), value: Number(last[column("value")]) };
}

describe("a population group's pages use the group's own breakdown (demo on)", () => {
  const children = latest("returnees-received", "0-17");
  const everyone = latest("returnees-received", "");

  it("checks the premise: the 0–17 figure differs from the all-ages total", () => {
    expect(children.period).toBe(everyone.period);
    expect(children.value).toBeLessThan(everyone.value);
  });

  it("shows returnees aged 0–17 on the migrant-children page, never the total", async () => {
    await page.goto(`${url}/es/groups/migrant-children?demo=1`);
    const cell = page.locator('[data-indicator-row="returnees-received"] [data-latest-value]');
    await cell.waitFor({ timeout: 60_000 });
    expect(Number(await cell.getAttribute("data-latest-value"))).toBe(children.value);
    expect(await page.locator("[data-demo-banner]").count()).toBe(1);
    // Indicators of the group with no 0–17 breakdown show no figure at all, only that they cannot.
    const without = page.locator("[data-indicator-row]", {
      has: page.locator("[data-no-group-breakdown]"),
    });
    expect(await without.count()).toBeGreaterThan(0);
    const figures = await without
      .locator("[data-latest-value]")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-latest-value")));
    expect(figures.every((f) => f === null)).toBe(true);
  });

  it("gives the group's brief the same 0–17 figure", async () => {
    await page.goto(`${url}/es/brief?group=migrant-children&demo=1`);
    const value = page.locator('[data-brief-row="returnees-received"] [data-brief-value]');
    await value.waitFor({ timeout: 60_000 });
    expect(Number(await value.getAttribute("data-brief-value"))).toBe(children.value);
    expect(await page.locator("[data-brief-group]").count()).toBe(1);
    // Indicators without a 0–17 breakdown are not summarised as if their totals were the group's.
    expect(
      Number(await page.locator("[data-brief-without]").getAttribute("data-brief-without")),
    ).toBeGreaterThan(0);
  });
});
