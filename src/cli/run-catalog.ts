import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import type { Language } from "../lib/i18n/resources";
import { catalogDir } from "./catalog-dir";

export async function runCatalog(options: { json: boolean; language: Language }): Promise<number> {
  const result = await loadCatalogFromDir(catalogDir);
  if (!result.ok) {
    for (const p of result.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const { catalog } = result;
  if (options.json) {
    console.log(JSON.stringify(catalog, null, 2));
    return 0;
  }
  const lang = options.language;
  for (const theme of catalog.themes) {
    const indicators = catalog.indicators.filter((i) =>
      i.commitments.some((c) =>
        catalog.commitments.find((x) => x.id === c)?.themes.includes(theme.id),
      ),
    );
    if (indicators.length === 0) continue;
    console.log(`\n${theme.title[lang]}`);
    for (const i of indicators)
      console.log(
        `  ${i.id.padEnd(34)} ${i.title[lang]}${i.sdg ? ` (ODS/SDG ${i.sdg.indicator})` : ""}`,
      );
  }
  console.log(
    `\n${catalog.themes.length} themes, ${catalog.commitments.length} commitments, ${catalog.indicators.length} indicators`,
  );
  return 0;
}
