import { readRawCatalog } from "../../src/lib/catalog/load-catalog-node";
import { dimension } from "../../src/lib/catalog/schema";
import type { AssetDeriver } from "./deriver";
import { readRawText } from "./raw-files";

const source = "naturalearth-hnd-adm1";
const rawFile = "naturalearth_hnd_adm1_departments_derived.geojson";

interface RawFeature {
  type: "Feature";
  properties: { name: string };
  geometry: { type: string; coordinates: unknown };
}

/**
 * The 18 departments' boundaries the map draws, keyed by ISO 3166-2:HN code (joined on the
 * Spanish name the catalog's department dimension gives each code): the raw file's names are
 * spelt as in the catalog, but codes, not names, are what every data file is joined on.
 */
export const hondurasMap: AssetDeriver = {
  output: "src/assets/honduras-departments.geo.json",
  sources: [source],
  derive: async () => {
    const raw = JSON.parse(readRawText(source, rawFile)) as { features: RawFeature[] };
    const departments = dimension.parse(
      (readRawCatalog("indicators").dimensions as unknown[]).find(
        (d) => (d as { id?: string }).id === "department",
      ),
    );
    const codeOf = new Map(departments.codes.map((c) => [c.label.es.normalize("NFC"), c.code]));
    const features = raw.features.map((f) => {
      const code = codeOf.get(f.properties.name.normalize("NFC"));
      if (!code) throw new Error(`${rawFile}: no department code for "${f.properties.name}"`);
      return {
        type: "Feature",
        properties: { code, name: f.properties.name },
        geometry: f.geometry,
      };
    });
    const missing = departments.codes.filter(
      (c) => !features.some((f) => f.properties.code === c.code),
    );
    if (missing.length > 0)
      throw new Error(`${rawFile}: no boundary for ${missing.map((c) => c.code).join(", ")}`);
    features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
    return `${JSON.stringify({ type: "FeatureCollection", features })}\n`;
  },
};
