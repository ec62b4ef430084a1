import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type CatalogEntryFile,
  type CatalogFilePart,
  type CatalogFolderPart,
  catalogFileNames,
  catalogFolders,
  type RawCatalog,
} from "./catalog-files";
import { type Exclusions, exclusions } from "./coverage";
import { type CatalogResult, findMisquotes, parseCatalog } from "./parse-catalog";

export const reportFileName = "report/gcm-honduras-national-consultation.txt";

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

/** Every `*.json` of a folder part, in name order (the order the browser bundle uses too). */
function readFolder(dir: string, part: CatalogFolderPart): CatalogEntryFile[] {
  const folder = catalogFolders[part];
  // A catalog without rules has no rules/ folder.
  if (!existsSync(join(dir, folder))) return [];
  return readdirSync(join(dir, folder))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ file: `${folder}/${name}`, data: readJson(join(dir, folder, name)) }));
}

/** The catalog's files as parsed JSON, before any check. */
export function readRawCatalog(dir: string): RawCatalog {
  const files = Object.fromEntries(
    (Object.keys(catalogFileNames) as CatalogFilePart[]).map((part) => [
      part,
      readJson(join(dir, catalogFileNames[part])),
    ]),
  ) as Record<CatalogFilePart, unknown>;
  return {
    ...files,
    commitments: readFolder(dir, "commitments"),
    indicators: readFolder(dir, "indicators"),
    rules: readFolder(dir, "rules"),
  };
}

/** Reads `indicators/` from disk and checks it, quotes included. */
export async function loadCatalogFromDir(dir: string): Promise<CatalogResult> {
  const result = parseCatalog(readRawCatalog(dir));
  if (!result.ok) return result;
  const misquotes = findMisquotes(
    result.catalog,
    await readFile(join(dir, reportFileName), "utf8"),
  );
  return misquotes.length > 0 ? { ok: false, problems: misquotes } : result;
}

export const exclusionsFileName = "report/exclusions.json";

/** The report text and the paragraphs deliberately left without a commitment. */
export async function loadReportFromDir(
  dir: string,
): Promise<{ text: string; exclusions: Exclusions }> {
  const [text, raw] = await Promise.all([
    readFile(join(dir, reportFileName), "utf8"),
    readFile(join(dir, exclusionsFileName), "utf8"),
  ]);
  return { text, exclusions: exclusions.parse(JSON.parse(raw)) };
}
