import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers of src/lib, from the bottom. A module may import its own layer and those below,
 * never one above: the database knows nothing of submissions, observations nothing of progress.
 */
const layers: readonly (readonly string[])[] = [
  // Shared utilities: formatting, languages, URL state, hashing, chart engine setup, timing, and
  // the signal that the user is waiting for work, and waiting for an idle page.
  [
    "format",
    "i18n",
    "url-state",
    "hash",
    "download",
    "seeded-random",
    "echarts",
    "echarts-map",
    "step-timing",
    "foreground-work",
    "when-idle",
  ],
  ["db", "parquet"],
  ["catalog", "observations", "tables"],
  ["progress", "funding", "intake", "plausibility", "rates", "chart", "sdmx"],
  ["submissions", "published", "releases", "officer-tools", "offline", "embed", "selfcheck"],
  ["query"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const lib = join("src", "lib");
/** The module a file under src/lib belongs to: its folder, or its name for a file at the top. */
function moduleOf(file: string): string {
  const first = relative(lib, file).split(sep)[0] ?? "";
  return first.replace(/\.tsx?$/, "");
}
function layerOf(module: string): number {
  return layers.findIndex((layer) => layer.includes(module));
}
function importedFiles(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)]
    .map((m) => m[1] ?? "")
    .flatMap((spec) =>
      spec.startsWith(".")
        ? [normalize(join(dirname(file), spec))]
        : spec.startsWith("@/")
          ? [join("src", spec.slice(2))]
          : [],
    )
    .filter((path) => path.startsWith(lib + sep));
}

const libFiles = files(lib);

describe("layers of src/lib", () => {
  it("places every module in a layer", () => {
    const unplaced = [...new Set(libFiles.map(moduleOf))].filter((m) => layerOf(m) < 0);
    expect(unplaced).toEqual([]);
  });

  it("never imports upwards", () => {
    const upward = libFiles.flatMap((file) => {
      const from = moduleOf(file);
      return importedFiles(file)
        .filter((target) => layerOf(moduleOf(target)) > layerOf(from))
        .map((target) => `${relative(lib, file)} → ${relative(lib, target)}`);
    });
    expect(upward).toEqual([]);
  });
});
