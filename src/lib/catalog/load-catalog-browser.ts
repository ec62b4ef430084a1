import commitments from "../../../indicators/commitments.json";
import dimensions from "../../../indicators/dimensions.json";
import gcmObjectives from "../../../indicators/gcm-objectives.json";
import indicators from "../../../indicators/indicators.json";
import populationGroups from "../../../indicators/population-groups.json";
import themes from "../../../indicators/themes.json";
import { parseCatalog } from "./parse-catalog";
import type { Catalog } from "./schema";

/** The catalog bundled into the app; a broken catalog fails the build's tests, so throwing here is a last guard. */
export function loadBundledCatalog(): Catalog {
  const result = parseCatalog({
    themes,
    populationGroups,
    gcmObjectives,
    dimensions,
    commitments,
    indicators,
  });
  if (!result.ok) {
    throw new Error(result.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("\n"));
  }
  return result.catalog;
}
