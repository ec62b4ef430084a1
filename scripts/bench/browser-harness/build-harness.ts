/**
 * Builds the engine benchmark's page (index.html + harness.ts) with Vite into a folder of its
 * own, apart from the app's dist/: the same engine code and DuckDB-wasm files the app ships.
 */
import { fileURLToPath } from "node:url";
import { build } from "vite";

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export async function buildHarness(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: "warn",
    root: fromHere("."),
    publicDir: false,
    resolve: { alias: { "@": fromHere("../../../src") } },
    build: { outDir, emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}
