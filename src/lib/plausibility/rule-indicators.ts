import { referencesOf } from "../catalog/rule-expression";
import type { ParsedRule } from "./rule-comparisons";

/**
 * Every indicator a rule reads when it reads one of `indicatorIds`: a file of referrals is
 * compared with the returnees received, so those must be loaded too.
 */
export function indicatorsRulesRead(
  rules: readonly ParsedRule[],
  indicatorIds: readonly string[],
): string[] {
  const wanted = new Set(indicatorIds);
  const read = new Set<string>();
  for (const { expression } of rules) {
    const ids = referencesOf(expression).map((r) => r.indicator);
    if (ids.some((id) => wanted.has(id))) for (const id of ids) read.add(id);
  }
  return [...read].sort();
}

/**
 * Every accepted indicator a file's check reads: its own (the diff and the series checks compare
 * with their accepted values) and those its rules compare them with. With the ranged layout an
 * indicator is in the engine only once asked for.
 */
export function indicatorsAFileReads(
  rules: readonly ParsedRule[],
  fileIndicators: readonly string[],
): string[] {
  return [...new Set([...fileIndicators, ...indicatorsRulesRead(rules, fileIndicators)])].sort();
}
