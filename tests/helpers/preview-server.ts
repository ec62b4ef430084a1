import { existsSync } from "node:fs";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";

/**
 * Serves the production build (`dist/`) on a free loopback port with the production server
 * (compression, caching headers, byte ranges), so the browser tests see what users get.
 */
export async function startPreview(): Promise<StaticServer> {
  if (!existsSync("dist/index.html"))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  return startStaticServer({ root: "dist" });
}
