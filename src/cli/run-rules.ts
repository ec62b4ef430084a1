import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import { startNodeEngine } from "../lib/db/node-engine";
import { createI18n } from "../lib/i18n/create-i18n";
import type { Language } from "../lib/i18n/resources";
import { loadObservations } from "../lib/observations/observation-table";
import { acceptedRuleStatuses } from "../lib/plausibility/accepted-rules";
import { breakdownLabel, parsedRules, sideText } from "../lib/plausibility/rule-comparisons";
import { collectObservations } from "../lib/published/local-data-node";
import { catalogDir } from "./catalog-dir";

export interface RulesOptions {
  json: boolean;
  language: Language;
}

/**
 * `gcm rules`: every plausibility rule of the catalog, its expression and reason, and whether the
 * real data in `data/observations` meet it, with the figures of each failing comparison.
 * Exit 1 when a rule is broken.
 */
export async function runRules(options: RulesOptions): Promise<number> {
  const { t } = createI18n(options.language);
  const catalog = await loadCatalogFromDir(catalogDir);
  if (!catalog.ok) {
    for (const p of catalog.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const engine = await startNodeEngine();
  try {
    await loadObservations(engine, await collectObservations());
    const statuses = await acceptedRuleStatuses(engine, parsedRules(catalog.catalog.rules));
    if (options.json) {
      console.log(JSON.stringify(statuses, null, 2));
    } else {
      for (const { rule, compared, broken } of statuses) {
        const verdict =
          compared === 0
            ? t("plausibility.notCompared")
            : broken.length > 0
              ? t("plausibility.broken", { count: broken.length })
              : t("plausibility.holds", { count: compared });
        console.log(`${rule.rule.id}: ${rule.rule.title[options.language]} — ${verdict}`);
        console.log(`  ${rule.rule.expression}`);
        console.log(`  ${t("plausibility.reason")}: ${rule.rule.reason[options.language]}`);
        for (const c of broken)
          console.log(
            `  ✕ ${c.period}, ${breakdownLabel(c)}: ${sideText(c.leftTerms, c.leftConstant, c.left)} ${rule.expression.comparison} ${sideText(c.rightTerms, c.rightConstant, c.right)}`,
          );
      }
    }
    return statuses.some((s) => s.broken.length > 0) ? 1 : 0;
  } finally {
    await engine.close();
  }
}
