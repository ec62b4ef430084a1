import { existsSync } from "node:fs";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";

/**
 * Serves the production build (`dist/`, or the folder `GCM_DIST` names, for a build made apart)
 * on a free loopback port with the production server (compression, caching headers, byte
 * ranges), so the browser tests see what users get.
 *
 * Without the cross-origin isolation headers (single-threaded DuckDB-wasm) unless asked:
 * `crossOriginIsolation: true`, or `GCM_ISOLATED=1` to run a whole test file isolated.
 */
export async function startPreview(
  options: { crossOriginIsolation?: boolean } = {},
): Promise<StaticServer> {
  const root = process.env.GCM_DIST ?? "dist";
  if (!existsSync(`${root}/index.html`))
    throw new Error(`${root}/ is missing: run \`npm run build\` first (npm test does).`);
  const crossOriginIsolation = options.crossOriginIsolation ?? process.env.GCM_ISOLATED === "1";
  return startStaticServer({ root, crossOriginIsolation });
}
