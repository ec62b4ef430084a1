import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type CatalogPart, catalogFileNames, type RawCatalog } from "./catalog-files";
import { type Exclusions, exclusions } from "./coverage";
import { type CatalogResult, findMisquotes, parseCatalog } from "./parse-catalog";

export const reportFileName = "report/gcm-honduras-national-consultation.txt";

/** Reads `indicators/` from disk and checks it, quotes included. */
export async function loadCatalogFromDir(dir: string): Promise<CatalogResult> {
  const entries = await Promise.all(
    (Object.keys(catalogFileNames) as CatalogPart[]).map(async (part) => {
      const text = await readFile(join(dir, catalogFileNames[part]), "utf8");
      return [part, JSON.parse(text) as unknown] as const;
    }),
  );
  const result = parseCatalog(Object.fromEntries(entries) as RawCatalog);
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
