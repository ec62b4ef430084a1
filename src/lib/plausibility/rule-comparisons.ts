import {
  formatSide,
  parseRuleExpression,
  type RuleExpression,
  referencesOf,
  type Term,
} from "../catalog/rule-expression";
import type { DimensionName, Rule } from "../catalog/schema";
import type { Row } from "../db/engine";

/** A rule with its expression read: every rule of a loaded catalog parses. */
export interface ParsedRule {
  rule: Rule;
  expression: RuleExpression;
}

/** The catalog's rules with their expressions (a rule that does not parse is left out). */
export function parsedRules(rules: readonly Rule[]): ParsedRule[] {
  return rules.flatMap((rule) => {
    const parsed = parseRuleExpression(rule.expression);
    return parsed.ok ? [{ rule, expression: parsed.expression }] : [];
  });
}

/** One indicator's figure in a comparison, and the spreadsheet row it came from, if any. */
export interface TermValue {
  /** The reference as the rule writes it, e.g. `returnees-received[age_group=0-17]`. */
  label: string;
  /** What the rule multiplies the value by (1 when none is written). */
  factor: number;
  value: number;
  row: number | null;
}

/** One comparison a rule makes: one period, the totals or one code of one breakdown. */
export interface RuleComparison {
  period: string;
  breakdown: { dimension: DimensionName; code: string } | null;
  left: number;
  right: number;
  leftTerms: TermValue[];
  rightTerms: TermValue[];
  /** The constants each side adds (0 when none). */
  leftConstant: number;
  rightConstant: number;
  broken: boolean;
}

function termValues(terms: readonly Term[], all: readonly Term[], row: Row): TermValue[] {
  return terms.flatMap((term) => {
    if (term.kind === "constant") return [];
    const i = all.indexOf(term);
    const fileRow = row[`r${i}`];
    return [
      {
        label: formatSide([{ ...term, factor: 1 }]),
        factor: term.factor,
        value: Number(row[`v${i}`]),
        row: typeof fileRow === "number" ? fileRow : null,
      },
    ];
  });
}

const constantOf = (terms: readonly Term[]) =>
  terms.reduce((sum, t) => (t.kind === "constant" ? sum + t.value : sum), 0);

/**
 * One side as the messages write it: each figure named as the rule writes it, its factor, the
 * side's constant, and their sum when there is more than one part (`a 7 + 2 × b 5 = 17`).
 */
export function sideText(terms: readonly TermValue[], constant: number, total: number): string {
  const parts = [
    ...terms.map((t) => `${t.factor === 1 ? "" : `${t.factor} × `}${t.label} ${t.value}`),
    ...(constant === 0 ? [] : [String(constant)]),
  ];
  return parts.length > 1 || terms.some((t) => t.factor !== 1)
    ? `${parts.join(" + ")} = ${total}`
    : parts.join("");
}

/** Rows of `buildRuleSql` as comparisons, each side's figures named. */
export function ruleComparisons(
  expression: RuleExpression,
  rows: readonly Row[],
): RuleComparison[] {
  const references: Term[] = referencesOf(expression);
  return rows.map((row) => ({
    period: String(row.period),
    breakdown:
      row.breakdown === ""
        ? null
        : { dimension: String(row.breakdown) as DimensionName, code: String(row.code) },
    left: Number(row.left_value),
    right: Number(row.right_value),
    leftTerms: termValues(expression.left, references, row),
    rightTerms: termValues(expression.right, references, row),
    leftConstant: constantOf(expression.left),
    rightConstant: constantOf(expression.right),
    broken: row.broken === true,
  }));
}

/** `total`, or `sex=female`: the same in Spanish and English. */
export function breakdownLabel(comparison: Pick<RuleComparison, "breakdown">): string {
  const b = comparison.breakdown;
  return b === null ? "total" : `${b.dimension}=${b.code}`;
}
