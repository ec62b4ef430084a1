import type { RawCatalog } from "../../src/lib/catalog/catalog-files";
import { readRawCatalog } from "../../src/lib/catalog/load-catalog-node";
import { parseCatalog } from "../../src/lib/catalog/parse-catalog";
import type { Catalog } from "../../src/lib/catalog/schema";

/** The project's catalog files as parsed JSON, for tests that break one thing at a time. */
export function rawCatalog(): RawCatalog {
  return readRawCatalog("indicators");
}

export function projectCatalog(): Catalog {
  const result = parseCatalog(rawCatalog());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.catalog;
}
