import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type CatalogPart,
  catalogFileNames,
  type RawCatalog,
} from "../../src/lib/catalog/catalog-files";
import { parseCatalog } from "../../src/lib/catalog/parse-catalog";
import type { Catalog } from "../../src/lib/catalog/schema";

/** The project's catalog files as parsed JSON, for tests that break one thing at a time. */
export function rawCatalog(): RawCatalog {
  return Object.fromEntries(
    (Object.keys(catalogFileNames) as CatalogPart[]).map((part) => [
      part,
      JSON.parse(readFileSync(join("indicators", catalogFileNames[part]), "utf8")) as unknown,
    ]),
  ) as RawCatalog;
}

export function projectCatalog(): Catalog {
  const result = parseCatalog(rawCatalog());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.catalog;
}
