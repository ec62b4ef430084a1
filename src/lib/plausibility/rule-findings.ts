import type { Finding } from "../intake/findings";
import { breakdownLabel, type ParsedRule, type RuleComparison, sideText } from "./rule-comparisons";

/**
 * A broken rule at intake, named by the file's row of its first figure from the file (left side
 * first). When some figures come from data accepted earlier the finding says which
 * (`rule_broken_with_accepted`): correcting them is another file's business.
 */
export function ruleFinding(
  { rule }: ParsedRule,
  comparison: RuleComparison,
  file: string,
): Finding {
  const terms = [...comparison.leftTerms, ...comparison.rightTerms];
  const fromFile = terms.find((t) => t.row !== null);
  const accepted = terms.filter((t) => t.row === null).map((t) => t.label);
  return {
    severity: "warning",
    code: accepted.length > 0 ? "rule_broken_with_accepted" : "rule_broken",
    file,
    ...(fromFile?.row == null ? {} : { row: fromFile.row }),
    column: "value",
    ...(fromFile ? { value: String(fromFile.value) } : {}),
    detail: {
      rule: rule.id,
      titleEs: rule.title.es,
      titleEn: rule.title.en,
      reasonEs: rule.reason.es,
      reasonEn: rule.reason.en,
      expression: rule.expression,
      period: comparison.period,
      breakdown: breakdownLabel(comparison),
      left: comparison.left,
      right: comparison.right,
      leftTerms: sideText(comparison.leftTerms, comparison.leftConstant, comparison.left),
      rightTerms: sideText(comparison.rightTerms, comparison.rightConstant, comparison.right),
      ...(accepted.length > 0 ? { accepted: accepted.join(", ") } : {}),
    },
  };
}
