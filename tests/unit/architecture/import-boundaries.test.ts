import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
const all = files("src");

describe("import boundaries", () => {
  it("keeps feature folders from importing one another", () => {
    const crossing = all
      .filter((f) => f.startsWith(join("src", "features")))
      .flatMap((file) => {
        const own = relative(join("src", "features"), file).split(sep)[0];
        return imports(file)
          .filter(
            (spec) =>
              /(^@\/features\/|\/features\/)/.test(spec) && !spec.includes(`features/${own}/`),
          )
          .map((spec) => `${file} → ${spec}`);
      });
    expect(crossing).toEqual([]);
  });

  it("keeps shared code (lib, components) from importing features or the app", () => {
    const upward = all
      .filter((f) => f.startsWith(join("src", "lib")) || f.startsWith(join("src", "components")))
      .flatMap((file) =>
        imports(file)
          .filter((s) => /(^@\/(features|app)\/|\/(features|app)\/)/.test(s))
          .map((s) => `${file} → ${s}`),
      );
    expect(upward).toEqual([]);
  });

  it("keeps src/ from importing scripts/ (scripts build on the app's code, never the reverse)", () => {
    const backwards = all.flatMap((file) =>
      imports(file)
        .filter((s) => /(^|\/)scripts\//.test(s))
        .map((s) => `${file} → ${s}`),
    );
    expect(backwards).toEqual([]);
  });

  it("lets only src/lib/db talk to DuckDB-wasm", () => {
    const outside = all
      .filter((f) => !f.startsWith(join("src", "lib", "db")))
      .flatMap((file) =>
        imports(file)
          .filter((s) => s.startsWith("@duckdb/"))
          .map((s) => `${file} → ${s}`),
      );
    expect(outside).toEqual([]);
  });

  it("reads and writes URL state only through useUrlState", () => {
    const direct = all
      .filter((f) => !f.startsWith(join("src", "lib", "url-state")))
      .filter((f) => /\buseSearchParams\b/.test(readFileSync(f, "utf8")));
    expect(direct).toEqual([]);
  });

  it("keeps Arquero out of the app: it compiles expressions with new Function, which the page's CSP refuses", () => {
    // uwdata/arquero#361: no mode without eval; the CSP (src/index.html) keeps 'unsafe-eval' out.
    const csp = readFileSync(join("src", "index.html"), "utf8");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(all.filter((f) => imports(f).includes("arquero"))).toEqual([]);
  });

  it("builds every query key with the key factory, so one invalidation reaches every query", () => {
    const literal = all
      .filter((f) => !f.endsWith(join("lib", "query", "query-keys.ts")))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
          .filter(({ line }) => /\bqueryKey:/.test(line) && !/\bqueryKey:\s*queryKeys\./.test(line))
          .map(({ at }) => at),
      );
    expect(literal).toEqual([]);
  });
});
