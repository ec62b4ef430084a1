import dimensions from "../../../indicators/dimensions.json";
import gcmObjectives from "../../../indicators/gcm-objectives.json";
import populationGroups from "../../../indicators/population-groups.json";
import themes from "../../../indicators/themes.json";
import type { CatalogEntryFile } from "./catalog-files";
import { parseCatalog } from "./parse-catalog";
import type { Catalog } from "./schema";

const commitmentFiles = import.meta.glob<unknown>("../../../indicators/commitments/*.json", {
  eager: true,
  import: "default",
});
const indicatorFiles = import.meta.glob<unknown>("../../../indicators/indicators/*.json", {
  eager: true,
  import: "default",
});

const ruleFiles = import.meta.glob<unknown>("../../../indicators/rules/*.json", {
  eager: true,
  import: "default",
});

const catalogRoot = "../../../indicators/";

/** Files in name order, named as in `indicators/` (the same order the Node loader reads them in). */
function entries(files: Record<string, unknown>): CatalogEntryFile[] {
  return Object.keys(files)
    .sort()
    .map((path) => ({ file: path.replace(catalogRoot, ""), data: files[path] }));
}

/** The catalog bundled into the app; a broken catalog fails the build's tests, so throwing here is a last guard. */
export function loadBundledCatalog(): Catalog {
  const result = parseCatalog({
    themes,
    populationGroups,
    gcmObjectives,
    dimensions,
    commitments: entries(commitmentFiles),
    indicators: entries(indicatorFiles),
    rules: entries(ruleFiles),
  });
  if (!result.ok) {
    throw new Error(result.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("\n"));
  }
  return result.catalog;
}
