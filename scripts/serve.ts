/**
 * Serves the production build the way it should be hosted: compressed, hashed assets cached for
 * a year, byte ranges for the data, and the service worker (sw.js) revalidated at every visit
 * (`no-cache`, as JavaScript) so a new version is found at once. `npm start` runs it after building.
 *   tsx scripts/serve.ts [--port 4173] [--host 127.0.0.1] [--root dist] [--threads]
 *     --threads   also the cross-origin isolation headers (COOP/COEP), so DuckDB-wasm runs its
 *                 threaded build. Off by default: on the 2-core benchmark machine the threaded
 *                 build started about 3 s later and ran no query faster, and it fails on large
 *                 Arrow inserts (duckdb/duckdb-wasm#2256; README, "Threads").
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startStaticServer } from "./lib/static-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4173" },
    host: { type: "string", default: "127.0.0.1" },
    root: { type: "string", default: "dist" },
    threads: { type: "boolean", default: false },
  },
});
const root = values.root ?? "dist";
if (!existsSync(join(root, "index.html"))) {
  console.error(`${root}/index.html is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const isolated = values.threads === true;
const server = await startStaticServer({
  root,
  host: values.host,
  port: Number(values.port),
  crossOriginIsolation: isolated,
});
console.log(`GCM Monitor: ${server.url}/es/  (real data; Ctrl+C to stop)`);
console.log(
  isolated
    ? "  cross-origin isolated (COOP/COEP sent): DuckDB-wasm runs its threaded build"
    : "  not isolated: DuckDB-wasm runs its single-threaded build (--threads for the threaded one)",
);
console.log(`  with the illustrative demo data: ${server.url}/es/?demo=1`);
