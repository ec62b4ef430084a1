import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type DataSource, dataSources } from "../../src/lib/observations/data-sources";

export const rawDir = "data/raw";
export const sourcesFile = "data/sources.json";

export function loadDataSources(): DataSource[] {
  return dataSources.parse(JSON.parse(readFileSync(sourcesFile, "utf8")));
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A raw file's bytes, refused unless they are the ones its source entry records: a derivation
 * never runs on a file that was edited or replaced.
 */
export function readRaw(sourceId: string, file: string): Uint8Array {
  const source = loadDataSources().find((s) => s.id === sourceId);
  const entry = source?.raw.find((r) => r.file === file);
  if (!entry) throw new Error(`${file} is not a raw file of ${sourceId} in ${sourcesFile}`);
  const bytes = new Uint8Array(readFileSync(join(rawDir, file)));
  const hash = sha256(bytes);
  if (hash !== entry.sha256)
    throw new Error(
      `${rawDir}/${file}: sha256 ${hash}, but ${sourcesFile} records ${entry.sha256}`,
    );
  return bytes;
}

export function readRawText(sourceId: string, file: string): string {
  return new TextDecoder("utf-8").decode(readRaw(sourceId, file));
}
