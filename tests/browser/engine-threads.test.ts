import { describe, expect, it } from "vitest";
import { browserSessionPerFile, foreignRequests } from "../helpers/browser-session";

const isolated = browserSessionPerFile({ crossOriginIsolation: true });

describe("the threaded engine on a cross-origin isolated page", () => {
  it("runs DuckDB-wasm's threaded build with one thread per core (up to 4), says so, and draws the overview", async () => {
    const session = isolated();
    const { page, url } = session;
    await page.goto(`${url}/es/`);
    const status = page.locator('[data-engine="ready"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await status.getAttribute("data-engine-build")).toBe("coi");
    expect(Number(await status.getAttribute("data-engine-threads"))).toBe(
      Math.max(1, Math.min(4, cores)),
    );
    expect(await status.textContent()).toContain("versión multihilo");
    // The overview's figures come from the threaded engine like from any other.
    await page.waitForSelector("[data-tile] [data-figure-kind]", { timeout: 60_000 });
    await page.goto(`${url}/es/indicators/remittance-cost-usd200`);
    await page.waitForSelector("[data-chart] svg path", { state: "attached", timeout: 60_000 });
    expect(foreignRequests(session)).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });
});
