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

type CliStatus = {
  indicator: string;
  status: string;
  data: "real" | "demo" | "none";
  latest: { period: string } | null;
};

/** `gcm status --json --demo`: the same data the page shows with the demo on. */
async function cliStatuses(method = "statcan"): Promise<CliStatus[]> {
  const { stdout } = await promisify(execFile)(
    "npx",
    ["tsx", "src/cli/gcm.ts", "status", "--json", "--demo", "--method", method],
    { encoding: "utf8" },
  );
  return (JSON.parse(stdout) as { statuses: CliStatus[] }).statuses;
}

// These checks read progress on the demo's series as well as the real ones: the demo is on.
describe("progress on the overview (demo on)", () => {
  it("shows the theme × group matrix, headline figures and what is off track first", async () => {
    await page.goto(`${server.url}/es?demo=1`);
    await page.waitForSelector("[data-cell]", { timeout: 60_000 });
    expect(await page.locator("[data-tile]").count()).toBe(9);
    // Each tile says what period its figure covers.
    expect(await page.locator("[data-tile] [data-figure-kind]").count()).toBeGreaterThan(5);
    expect(await page.locator("[data-cell]").count()).toBe(11 * 6);
    const cell = page.locator('[data-cell="theme-3:migrant-children"]');
    // Few of theme 3's indicators for children have a status, so the cell gets no colour.
    expect(await cell.getAttribute("data-status")).toBe("not_enough_data");
    await cell.locator("button").click();
    await expect.poll(() => page.locator("#matrix-detail li").count()).toBeGreaterThan(3);
    // Worst first, real and demo alike: Honduran refugees (UNHCR, score −5) rising, then the demo's
    // returned children accompanied; both worsening trends, as they have no target.
    const offTrack = await page
      .locator("[data-off-track]")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-off-track")));
    expect(offTrack.slice(0, 2)).toEqual([
      "refugees-from-honduras",
      "returned-children-accompanied",
    ]);
    const latest = (await cliStatuses())
      .flatMap((s) => (s.latest ? [s.latest.period] : []))
      .sort()
      .at(-1);
    expect(await page.locator("[data-freshness]").getAttribute("data-freshness")).toBe(latest);
  });

  it("opens a why panel with the inputs, the formula with its numbers and the other methods", async () => {
    const why = page.locator('article[data-indicator="children-in-detention"] [data-why]').first();
    await why.locator("summary").click();
    const text = (await why.textContent()) ?? "";
    // Target 0: linear change per year, (762.5 − 1449.75) / 7 against (0 − 1449.75) / 12; on a
    // Spanish page the formula reads in Spanish.
    expect(text).toContain("cambio lineal por año): observado = (762.5 − 1449.75) / 7 = -98.179");
    expect(text).toContain("R = 0.813");
    expect(text).toContain("ONU-DESA");
    expect(text).toContain("CESPAP");
  });

  it("gives the same statuses as `gcm status --json --demo` for the shipped data", async () => {
    const onScreen = await statusesOnScreen();
    const cli = await cliStatuses();
    const withData = cli.filter((s) => s.latest !== null);
    expect(Object.keys(onScreen).sort()).toEqual(withData.map((s) => s.indicator).sort());
    expect(Object.fromEntries(withData.map((s) => [s.indicator, s.status]))).toEqual(onScreen);
  });

  it("switches method through the URL and says when a method cannot judge without a target", async () => {
    await page.getByLabel("Método de avance").selectOption("escap");
    await page.waitForURL(/method=escap/);
    await expect
      .poll(async () => (await statusesOnScreen())["reintegration-rate"])
      .toBe("insufficient_data");
    expect((await statusesOnScreen())["returnees-received"]).toBe("context");
    expect((await statusesOnScreen())["children-in-detention"]).toBe(
      (await cliStatuses("escap")).find((s) => s.indicator === "children-in-detention")?.status,
    );
    await page.goto(`${server.url}/en?method=unsd&demo=1`);
    // Without a target, the UN method reads a trend, never "on track".
    await expect
      .poll(async () => (await statusesOnScreen())["reintegration-rate"])
      .toBe("trend_improving");
  });

  it("draws the projection to the target year on an indicator with a target", async () => {
    await page.goto(`${server.url}/es/indicators/children-in-detention?breakdown=sex&demo=1`);
    await page.waitForSelector(".trend-chart svg path", { state: "attached", timeout: 60_000 });
    expect(await page.locator(".trend-chart").textContent()).toContain("Proyección a 2030");
    expect(await page.locator("[data-group]").count()).toBe(2);
    await page.screenshot({ path: "tests/artifacts/indicator-progress-es.png", fullPage: true });
  });
});
