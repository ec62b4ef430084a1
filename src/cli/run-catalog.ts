import { type Coverage, reportCoverage } from "../lib/catalog/coverage";
import { loadCatalogFromDir, loadReportFromDir } from "../lib/catalog/load-catalog-node";
import type { Catalog } from "../lib/catalog/schema";
import type { Language } from "../lib/i18n/resources";
import { catalogDir } from "./catalog-dir";

interface CatalogOptions {
  json: boolean;
  coverage: boolean;
  language: Language;
}

function printCoverage(coverage: Coverage): void {
  console.log(
    "section                       paragraphs  covered  excluded  commitments  indicators",
  );
  for (const s of coverage.sections) {
    console.log(
      `${s.section.padEnd(30)}${String(s.paragraphs).padStart(10)}${String(s.covered).padStart(9)}${String(s.excluded).padStart(10)}${String(s.commitments).padStart(13)}${String(s.indicators).padStart(12)}`,
    );
  }
  const total = (key: "paragraphs" | "covered" | "excluded") =>
    coverage.sections.reduce((sum, s) => sum + s[key], 0);
  console.log(
    `\n${total("covered")} of ${total("paragraphs")} body paragraphs covered, ${total("excluded")} excluded with a reason, ${coverage.uncovered.length} uncovered.`,
  );
  for (const u of coverage.uncovered)
    console.log(`UNCOVERED ${u.section}: ${u.text.slice(0, 100)}…`);
  for (const m of coverage.misplaced)
    console.log(`MISPLACED ${m.id}: declared ${m.declared}, quote is in ${m.actual}`);
  for (const e of coverage.staleExclusions) console.log(`STALE EXCLUSION: ${e}`);
}

function printSummary(catalog: Catalog, language: Language): void {
  for (const theme of catalog.themes) {
    const commitments = new Set(
      catalog.commitments.filter((c) => c.themes.includes(theme.id)).map((c) => c.id),
    );
    const indicators = catalog.indicators.filter((i) =>
      i.commitments.some((c) => commitments.has(c)),
    );
    console.log(`\n${theme.title[language]} (${commitments.size} / ${indicators.length})`);
    for (const i of indicators)
      console.log(
        `  ${i.id.padEnd(44)} ${i.title[language]}${i.sdg ? ` (ODS/SDG ${i.sdg.indicator})` : ""}`,
      );
  }
  console.log(
    `\n${catalog.themes.length} themes, ${catalog.commitments.length} commitments, ${catalog.indicators.length} indicators`,
  );
}

/** `gcm catalog`: the validated catalog as text, JSON, or the report-coverage table. Exit 1 when invalid or incomplete. */
export async function runCatalog(options: CatalogOptions): Promise<number> {
  const result = await loadCatalogFromDir(catalogDir);
  if (!result.ok) {
    for (const p of result.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const { catalog } = result;
  const report = await loadReportFromDir(catalogDir);
  const coverage = reportCoverage(report.text, catalog, report.exclusions);
  if (options.json) {
    console.log(JSON.stringify(options.coverage ? coverage : catalog, null, 2));
  } else if (options.coverage) {
    printCoverage(coverage);
  } else {
    printSummary(catalog, options.language);
  }
  const complete =
    coverage.uncovered.length === 0 &&
    coverage.misplaced.length === 0 &&
    coverage.staleExclusions.length === 0;
  return options.coverage && !complete ? 1 : 0;
}
