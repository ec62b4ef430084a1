/**
 * Writes `.br` and `.gz` copies next to every compressible file of the build (dist/), which the
 * production server (scripts/lib/static-server.ts) sends to browsers that accept them.
 * Brotli quality 9 rather than 11: on this 2-core machine 11 takes minutes for the two DuckDB
 * wasm files and saves only a few percent more.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const compressible = new Set([".js", ".mjs", ".css", ".html", ".json", ".wasm", ".svg", ".csv"]);
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (compressible.has(extname(entry.name))) yield path;
  }
}

export async function compressDist(
  dir = "dist",
): Promise<{ files: number; raw: number; br: number; gzip: number }> {
  const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
  const jobs: Promise<void>[] = [];
  for await (const path of filesUnder(dir)) {
    if ((await stat(path)).size < 1024) continue;
    jobs.push(
      (async () => {
        const bytes = await readFile(path);
        const [b, g] = await Promise.all([
          brotli(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
            },
          }),
          gz(bytes, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${path}.br`, b), writeFile(`${path}.gz`, g)]);
        totals.files += 1;
        totals.raw += bytes.byteLength;
        totals.br += b.byteLength;
        totals.gzip += g.byteLength;
      })(),
    );
  }
  await Promise.all(jobs);
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const t = await compressDist(process.argv[2] ?? "dist");
  const mb = (n: number) => (n / 1048576).toFixed(1);
  console.log(
    `compressed ${t.files} files: ${mb(t.raw)} MB → brotli ${mb(t.br)} MB, gzip ${mb(t.gzip)} MB (${Math.round(performance.now() - started)} ms)`,
  );
}
