import type { CatalogEntryFile } from "./catalog-files";
import { parseRuleExpression, referencesOf } from "./rule-expression";
import type { Catalog, Indicator, Rule, Unit } from "./schema";

export interface RuleProblem {
  file: string;
  path: string;
  message: string;
}

/** Units whose figures add up: a rule sums and compares them. */
const additiveUnits: readonly Unit[] = ["count", "currency_usd"];

/**
 * What a rule file must agree with in the catalog: its file name, a parsable expression, known
 * indicators, dimensions and codes, one additive unit and one periodicity on both sides (counts
 * with counts, quarters with quarters), and breakdowns every indicator of the rule takes.
 */
export function checkRules(
  catalog: Pick<Catalog, "indicators" | "dimensions">,
  rules: readonly Rule[],
  files: readonly CatalogEntryFile[],
): RuleProblem[] {
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const dimensions = new Set(catalog.dimensions.map((d) => d.id as string));
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const file = files[index]?.file ?? `rules/${rule.id}.json`;
    const add = (path: string, message: string) => problems.push({ file, path, message });
    if (file !== `rules/${rule.id}.json`)
      add("id", `the file of "${rule.id}" is named rules/${rule.id}.json`);
    if (seen.has(rule.id)) add("id", `duplicate id "${rule.id}"`);
    seen.add(rule.id);
    for (const definition of rule.basis.definitions)
      if (!indicators.has(definition))
        add("basis.definitions", `unknown indicator "${definition}"`);

    const parsed = parseRuleExpression(rule.expression);
    if (!parsed.ok) {
      add("expression", `character ${parsed.position}: ${parsed.message}`);
      return;
    }
    const references = referencesOf(parsed.expression);
    const used: Indicator[] = [];
    for (const reference of references) {
      const at = `character ${reference.position}`;
      const indicator = indicators.get(reference.indicator);
      if (!indicator) {
        add("expression", `${at}: unknown indicator "${reference.indicator}"`);
        continue;
      }
      used.push(indicator);
      const selected = new Set<string>();
      for (const { dimension, code } of reference.selectors) {
        if (!dimensions.has(dimension)) {
          add("expression", `${at}: unknown dimension "${dimension}"`);
          continue;
        }
        if (selected.has(dimension))
          add("expression", `${at}: dimension "${dimension}" chosen twice`);
        selected.add(dimension);
        const codes = indicator.disaggregations[dimension as keyof Indicator["disaggregations"]];
        if (!codes) add("expression", `${at}: ${indicator.id} is not broken down by ${dimension}`);
        else if (!codes.includes(code))
          add("expression", `${at}: code "${code}" is not a ${dimension} of ${indicator.id}`);
        if (rule.matching.breakdowns.includes(dimension as Rule["matching"]["breakdowns"][number]))
          add(
            "matching.breakdowns",
            `${dimension} is both chosen in the expression and compared code by code`,
          );
      }
      for (const breakdown of rule.matching.breakdowns)
        if (!indicator.disaggregations[breakdown])
          add(
            "matching.breakdowns",
            `${indicator.id} is not broken down by ${breakdown}, so it cannot be compared by it`,
          );
    }
    const units = new Set(used.map((i) => i.unit));
    for (const unit of units)
      if (!additiveUnits.includes(unit))
        add(
          "expression",
          `unit "${unit}" does not add up: rules compare counts or amounts (${additiveUnits.join(", ")})`,
        );
    if (units.size > 1)
      add("expression", `the indicators have different units (${[...units].join(", ")})`);
    const periodicities = new Set(used.map((i) => i.periodicity));
    if (periodicities.size > 1)
      add(
        "expression",
        `the indicators have different periodicities (${[...periodicities].join(", ")}): a rule compares the same period`,
      );
  });
  return problems;
}
