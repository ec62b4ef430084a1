import type { Engine } from "../db/engine";
import { acceptedRowsSql } from "./plausibility-table";
import { rowsOfSql } from "./rows-sql";
import { type ParsedRule, type RuleComparison, ruleComparisons } from "./rule-comparisons";
import { buildRuleSql } from "./rule-sql";

/** One rule over the data in effect: how many comparisons it could make, and those it fails. */
export interface RuleStatus {
  rule: ParsedRule;
  compared: number;
  broken: RuleComparison[];
}

/** Where the rules read the accepted data: the observations table, no spreadsheet rows. */
export const acceptedRuleRowsSql = rowsOfSql(`(${acceptedRowsSql()})`);

/** Every rule checked over the data in effect (published and accepted) on this engine. */
export async function acceptedRuleStatuses(
  engine: Engine,
  rules: readonly ParsedRule[],
): Promise<RuleStatus[]> {
  const statuses: RuleStatus[] = [];
  for (const parsed of rules) {
    const { sql, params } = buildRuleSql(parsed.rule, parsed.expression, acceptedRuleRowsSql, {
      onlyBroken: false,
      onlyFromFile: false,
    });
    const comparisons = ruleComparisons(parsed.expression, await engine.query(sql, params));
    statuses.push({
      rule: parsed,
      compared: comparisons.length,
      broken: comparisons.filter((c) => c.broken),
    });
  }
  return statuses;
}
