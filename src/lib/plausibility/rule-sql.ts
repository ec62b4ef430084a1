import {
  type ReferenceTerm,
  type RuleExpression,
  referencesOf,
  type Term,
} from "../catalog/rule-expression";
import { type DimensionName, dimensionNames, type Rule } from "../catalog/schema";
import type { SqlParam } from "../db/engine";
import type { SqlQuery } from "../observations/series-sql";

export interface RuleSqlOptions {
  /** Only comparisons the rule fails (otherwise every comparison made, with `broken`). */
  onlyBroken: boolean;
  /** Only comparisons with at least one value from the file being checked (`row` not NULL). */
  onlyFromFile: boolean;
}

/** How far apart two sides may be from rounding alone: amounts in dollars carry cents. */
const relativeTolerance = 1e-9;

/**
 * One reference's rows for each comparison: the totals (breakdown ''), and for each dimension the
 * rule compares code by code, the rows broken down by that dimension alone; the codes the
 * reference selects are fixed, every other dimension is blank.
 */
function termRows(reference: ReferenceTerm, breakdowns: readonly DimensionName[]): SqlQuery {
  const selected = new Map(reference.selectors.map((s) => [s.dimension, s.code]));
  const parts: string[] = [];
  const params: SqlParam[] = [];
  for (const slot of [null, ...breakdowns]) {
    const conditions = ["indicator_id = ?", "value IS NOT NULL"];
    params.push(reference.indicator);
    for (const dimension of dimensionNames) {
      const code = selected.get(dimension);
      if (code !== undefined) {
        conditions.push(`${dimension} = ?`);
        params.push(code);
      } else conditions.push(`${dimension} IS ${dimension === slot ? "NOT NULL" : "NULL"}`);
    }
    parts.push(
      `SELECT period, '${slot ?? ""}' AS breakdown, ${slot ?? "''"} AS code, value, row FROM rule_rows WHERE ${conditions.join(" AND ")}`,
    );
  }
  return { sql: parts.join(" UNION ALL "), params };
}

/** A side as SQL over the joined terms (`t0.value` …), factors and constants bound. */
function sideSql(terms: readonly Term[], aliasOf: Map<Term, string>): SqlQuery {
  const params: SqlParam[] = [];
  const parts = terms.map((term) => {
    if (term.kind === "constant") {
      params.push(term.value);
      return "CAST(? AS DOUBLE)";
    }
    params.push(term.factor);
    return `CAST(? AS DOUBLE) * ${aliasOf.get(term)}.value`;
  });
  return { sql: parts.join(" + "), params };
}

/**
 * A catalog rule as one query over `source` (a SELECT with the observation columns and `row`):
 * per period and per compared breakdown, both sides where every indicator of the rule has a
 * value (a missing value is never read as zero), each term's value and row, and whether the
 * comparison fails beyond rounding (1e-9 of the larger side).
 */
export function buildRuleSql(
  rule: Rule,
  expression: RuleExpression,
  source: string,
  options: RuleSqlOptions,
): SqlQuery {
  const references = referencesOf(expression);
  const aliasOf = new Map<Term, string>(references.map((r, i) => [r, `t${i}`]));
  const params: SqlParam[] = [];
  const ctes = references.map((reference, i) => {
    const rows = termRows(reference, rule.matching.breakdowns);
    params.push(...rows.params);
    return `t${i} AS (${rows.sql})`;
  });
  const left = sideSql(expression.left, aliasOf);
  const right = sideSql(expression.right, aliasOf);
  params.push(...left.params, ...right.params);
  const joins = references
    .slice(1)
    .map(
      (_, i) =>
        ` JOIN t${i + 1} ON t${i + 1}.period = t0.period AND t${i + 1}.breakdown = t0.breakdown AND t${i + 1}.code = t0.code`,
    )
    .join("");
  const values = references.map((_, i) => `t${i}.value AS v${i}, t${i}.row AS r${i}`).join(", ");
  const tolerance = `${relativeTolerance} * greatest(1, abs(left_value), abs(right_value))`;
  const broken =
    expression.comparison === "<="
      ? `left_value > right_value + ${tolerance}`
      : expression.comparison === ">="
        ? `left_value < right_value - ${tolerance}`
        : `abs(left_value - right_value) > ${tolerance}`;
  const filters = [
    ...(options.onlyBroken ? ["broken"] : []),
    ...(options.onlyFromFile
      ? [`(${references.map((_, i) => `r${i} IS NOT NULL`).join(" OR ")})`]
      : []),
  ];
  const sql = `WITH rule_rows AS (${source}), ${ctes.join(", ")}
SELECT * FROM (
  SELECT *, ${broken} AS broken FROM (
    SELECT t0.period, t0.breakdown, t0.code, ${values}, ${left.sql} AS left_value, ${right.sql} AS right_value
    FROM t0${joins}
  )
)${filters.length > 0 ? ` WHERE ${filters.join(" AND ")}` : ""}
ORDER BY period, breakdown, code`;
  return { sql, params };
}
