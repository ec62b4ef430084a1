import { execFile } from "node:child_process";
import { promisify } from "node:util";
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

async function statusesOnScreen(): Promise<Record<string, string>> {
  await page.waitForSelector("[data-indicator] [data-status]", { timeout: 60_000 });
  return page
    .locator("article[data-indicator]")
    .evaluateAll((cards) =>
      Object.fromEntries(
        cards.map((c) => [
          c.getAttribute("data-indicator"),
          c.querySelector("[data-status]")?.getAttribute("data-status"),
        ]),
      ),
    );
}

describe("progress on the overview", () => {
  it("shows the theme × group matrix, headline figures and what is off track first", async () => {
    await page.goto(`${server.url}/es`);
    await page.waitForSelector("[data-cell]", { timeout: 60_000 });
    expect(await page.locator("[data-tile]").count()).toBe(7);
    expect(await page.locator("[data-cell]").count()).toBe(11 * 6);
    const cell = page.locator('[data-cell="theme-3:migrant-children"]');
    expect(await cell.getAttribute("data-status")).toBe("on_track");
    await cell.locator("button").click();
    await expect.poll(() => page.locator("#matrix-detail li").count()).toBeGreaterThan(3);
    expect(await page.locator("[data-off-track]").first().getAttribute("data-off-track")).toBe(
      "returned-children-accompanied",
    );
    expect(await page.locator("[data-freshness]").getAttribute("data-freshness")).toBe("2025-Q4");
  });

  it("opens a why panel with the inputs, the formula with its numbers and the other methods", async () => {
    const why = page.locator('article[data-indicator="children-in-detention"] [data-why]').first();
    await why.locator("summary").click();
    const text = (await why.textContent()) ?? "";
    expect(text).toContain("CAGR = (777 / 1417.5)^(1/7) − 1 = -8.23 %");
    expect(text).toContain("ONU-DESA");
    expect(text).toContain("CESPAP");
  });

  it("gives the same statuses as `gcm status --json` for the shipped data", async () => {
    const onScreen = await statusesOnScreen();
    const { stdout } = await promisify(execFile)(
      "npx",
      ["tsx", "src/cli/gcm.ts", "status", "--json"],
      { encoding: "utf8" },
    );
    const cli = JSON.parse(stdout) as { statuses: { indicator: string; status: string }[] };
    const fromCli = Object.fromEntries(
      cli.statuses.filter((s) => s.indicator in onScreen).map((s) => [s.indicator, s.status]),
    );
    expect(Object.keys(onScreen).length).toBe(10);
    expect(fromCli).toEqual(onScreen);
  });

  it("switches method through the URL and says when a method cannot judge without a target", async () => {
    await page.getByLabel("Método de avance").selectOption("escap");
    await page.waitForURL(/method=escap/);
    await expect
      .poll(async () => (await statusesOnScreen())["children-in-detention"])
      .toBe("insufficient_data");
    expect((await statusesOnScreen())["returnees-received"]).toBe("context");
    await page.goto(`${server.url}/en?method=unsd`);
    await expect
      .poll(async () => (await statusesOnScreen())["children-in-detention"])
      .toBe("on_track");
  });

  it("draws the projection to the target year on an indicator with a target", async () => {
    await page.goto(`${server.url}/es/indicators/reintegration-rate?breakdown=sex`);
    await page.waitForSelector(".trend-chart svg path", { state: "attached", timeout: 60_000 });
    expect(await page.locator("[data-group]").count()).toBe(2);
    await page.screenshot({ path: "tests/artifacts/indicator-progress-es.png", fullPage: true });
  });
});
