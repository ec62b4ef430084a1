import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { observationsDir } from "../../../scripts/derive/deriver";
import { assetDerivers, derivers } from "../../../scripts/derive/derivers";
import { loadDataSources, rawDir, sha256 } from "../../../scripts/derive/raw-files";
import { readCsv } from "../../../src/lib/intake/read-csv";

const sources = loadDataSources();

describe("data/raw: the publishers' files, unchanged", () => {
  it.each(sources.flatMap((s) => s.raw.map((r) => [s.id, r] as const)))(
    "%s keeps %o byte for byte",
    (_id, raw) => {
      const bytes = readFileSync(join(rawDir, raw.file));
      expect(bytes.byteLength).toBe(raw.bytes);
      expect(sha256(bytes)).toBe(raw.sha256);
    },
  );

  it("records every file in data/raw/ (except SOURCE.md) in data/sources.json", () => {
    const recorded = new Set(sources.flatMap((s) => s.raw.map((r) => r.file)));
    const present = readdirSync(rawDir).filter((f) => f !== "SOURCE.md");
    expect(present.filter((f) => !recorded.has(f))).toEqual([]);
    expect([...recorded].filter((f) => !present.includes(f))).toEqual([]);
  });
});

describe("data/observations: every real series re-derived from data/raw", () => {
  it.each(derivers.map((d) => [d.output, d] as const))(
    "%s equals its derivation byte for byte (regenerate with npm run data:derive)",
    async (output, deriver) => {
      expect(await deriver.derive()).toBe(readFileSync(join(observationsDir, output), "utf8"));
    },
  );

  it.each(assetDerivers.map((d) => [d.output, d] as const))(
    "%s (an asset the app ships) equals its derivation byte for byte",
    async (output, deriver) => {
      expect(await deriver.derive()).toBe(readFileSync(output, "utf8"));
    },
  );

  it("has a derivation for every file in data/observations/", () => {
    const derived = new Set(derivers.map((d) => d.output));
    expect(readdirSync(observationsDir).filter((f) => !derived.has(f))).toEqual([]);
  });

  it("names a registered data source in every row", () => {
    const ids = new Set(sources.map((s) => s.id));
    for (const deriver of derivers) {
      const table = readCsv(readFileSync(join(observationsDir, deriver.output), "utf8"));
      const column = table.header.indexOf("source");
      const named = new Set(table.records.map((r) => r.cells[column] ?? ""));
      expect(
        [...named].filter((s) => !ids.has(s)),
        deriver.output,
      ).toEqual([]);
      expect(
        [...named].filter((s) => !deriver.sources.includes(s)),
        deriver.output,
      ).toEqual([]);
    }
  });
});
