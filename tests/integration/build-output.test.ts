import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = "dist";
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

describe("production build (npm run build)", () => {
  const built = files(dist);

  it("ships DuckDB's wasm and worker files and the Parquet wasm from its own origin", () => {
    const names = built.map((f) => f.split("/").at(-1) ?? "");
    expect(names.some((n) => /^duckdb-eh-.*\.wasm$/.test(n))).toBe(true);
    expect(names.some((n) => /^duckdb-mvp-.*\.wasm$/.test(n))).toBe(true);
    expect(names.some((n) => /^duckdb-browser-eh\.worker-.*\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /^parquet_wasm_bg-.*\.wasm$/.test(n))).toBe(true);
    expect(built).toContain(join(dist, "data", "observations.parquet"));
  });

  it("ships a Content-Security-Policy that allows only the app's own origin (and wasm), never eval", () => {
    const html = readFileSync(join(dist, "index.html"), "utf8");
    const policy =
      html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/https?:/);
  });

  it("references no CDN host in any shipped text file", () => {
    // duckdb-wasm embeds its package.json, whose "jsdelivr"/"unpkg" field names are not requests.
    const cdn =
      /cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com/;
    const offenders = built.filter(
      (f) => /\.(js|html|css|json)$/.test(f) && cdn.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
