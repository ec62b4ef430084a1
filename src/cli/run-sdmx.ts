import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import type { Language } from "../lib/i18n/resources";
import { bundledSources } from "../lib/observations/bundled-sources";
import { keptArtefacts } from "../lib/sdmx/kept-artefacts";
import { nationalCodelists } from "../lib/sdmx/national-codelists";
import { sdmxZip } from "../lib/sdmx/sdmx-zip";
import { catalogDir } from "./catalog-dir";
import { observationsForCli } from "./observations-for-cli";

export interface SdmxOptions {
  json: boolean;
  language: Language;
  /** Files to export instead of the real data in data/observations/ (any file the intake reads). */
  data?: string[];
  out?: string;
  /** Rewrite indicators/sdmx/codelists/HN.json from the catalog instead of exporting. */
  writeCodelists?: boolean;
}

/**
 * `gcm sdmx`: the same SDMX-CSV zip as the Data page's button (SDG dataflow, national dataflow,
 * structures, codelists, manifest), made from the real data or from the files given.
 */
export async function runSdmx(options: SdmxOptions): Promise<number> {
  const loaded = await loadCatalogFromDir(catalogDir);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const catalog = loaded.catalog;
  if (options.writeCodelists) {
    const path = join(catalogDir, "sdmx", "codelists", "HN.json");
    const file = nationalCodelists(catalog, keptArtefacts.mapping, keptArtefacts.nationalStructure);
    await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
    console.log(`${path}: ${file.codelists.length} codelists`);
    return 0;
  }
  const observations = await observationsForCli(catalog, options.data, options.language, ["real"]);
  if (!observations) return 1;
  const now = new Date();
  const { zip, manifest } = await sdmxZip(
    observations,
    catalog,
    keptArtefacts,
    bundledSources,
    now,
  );
  const out = options.out ?? `gcm-monitor-sdmx-${now.toISOString().slice(0, 10)}.zip`;
  await writeFile(out, zip);
  if (options.json) {
    console.log(JSON.stringify({ file: out, ...manifest }, null, 2));
    return 0;
  }
  console.log(out);
  for (const d of manifest.dataflows)
    console.log(`  ${d.file}: ${d.rows} filas/rows, ${d.dataflow} (${d.codelists.join(", ")})`);
  for (const k of manifest.keptNational)
    console.log(`  ${k.indicator}: ${k.rows} → ${manifest.dataflows[1]?.dataflow}: ${k.reason}`);
  return 0;
}
