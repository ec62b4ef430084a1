/**
 * UNHCR's refugees package ships its tables as R data files, bzip2-compressed. They used to be
 * read as CSV in a jumble of encodings; the intake must say what they are instead.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
const rDataFiles = readdirSync("data/raw").filter((name) => name.endsWith(".rda"));

describe("the real R data files", () => {
  it("are there to test", () => {
    expect(rDataFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(rDataFiles)("%s is named a bzip2 file, with one error and nothing read", async (name) => {
    const r = await inspectFile(catalog, name, new Uint8Array(readFileSync(`data/raw/${name}`)));
    expect(r.findings.map((f) => [f.severity, f.code, f.detail])).toEqual([
      ["error", "unsupported_file", { kind: "bzip2" }],
    ]);
    expect(r.observations).toEqual([]);
  });
});
