import type { Page } from "playwright-core";

/** The DuckDB-wasm build and thread count the app's status bar reports once the engine is ready. */
export interface EngineBuildSeen {
  build: string;
  threads: number;
  crossOriginIsolated: boolean;
}

export async function engineBuildOf(page: Page): Promise<EngineBuildSeen> {
  const status = page.locator('[data-engine="ready"]').first();
  return {
    build: (await status.getAttribute("data-engine-build")) ?? "?",
    threads: Number(await status.getAttribute("data-engine-threads")),
    crossOriginIsolated: (await page.evaluate("globalThis.crossOriginIsolated === true")) === true,
  };
}
