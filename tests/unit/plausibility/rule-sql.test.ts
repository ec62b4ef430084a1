import { describe, expect, it } from "vitest";
import { parseRuleExpression, type RuleExpression } from "../../../src/lib/catalog/rule-expression";
import type { Rule } from "../../../src/lib/catalog/schema";
import { rowsSql, tableName } from "../../../src/lib/plausibility/rows-sql";
import { ruleComparisons, sideText } from "../../../src/lib/plausibility/rule-comparisons";
import { ruleFinding } from "../../../src/lib/plausibility/rule-findings";
import {
  indicatorsAFileReads,
  indicatorsRulesRead,
} from "../../../src/lib/plausibility/rule-indicators";
import { buildRuleSql } from "../../../src/lib/plausibility/rule-sql";
import { projectCatalog } from "../../helpers/catalog";

function expression(text: string): RuleExpression {
  const parsed = parseRuleExpression(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.expression;
}

const rule = (text: string, breakdowns: Rule["matching"]["breakdowns"] = []): Rule => ({
  id: "r",
  title: { es: "Regla", en: "Rule" },
  expression: text,
  matching: { period: "same", breakdowns },
  reason: { es: "motivo", en: "reason" },
  basis: { definitions: ["a"], explanation: { es: "e", en: "e" } },
});

describe("buildRuleSql", () => {
  const text = "a[sex=female] + 2 * b <= c + 5";
  const built = buildRuleSql(rule(text, ["age_group"]), expression(text), "SELECT 1", {
    onlyBroken: true,
    onlyFromFile: true,
  });

  it("reads each indicator apart and joins them on period, breakdown and code", () => {
    expect(built.sql).toContain("WITH rule_rows AS (SELECT 1), t0 AS (");
    expect(built.sql).toContain(
      "JOIN t1 ON t1.period = t0.period AND t1.breakdown = t0.breakdown AND t1.code = t0.code",
    );
    expect(built.sql).toContain(
      "JOIN t2 ON t2.period = t0.period AND t2.breakdown = t0.breakdown AND t2.code = t0.code",
    );
  });

  it("binds ids, codes, factors and constants as parameters, never as SQL text", () => {
    expect(built.sql).not.toMatch(/'a'|'female'|'b'|'c'/);
    // Per reference: the totals, then the age-group rows; a selection fixes sex=female.
    expect(built.params).toEqual(["a", "female", "a", "female", "b", "b", "c", "c", 1, 2, 1, 5]);
  });

  it("fails `<=` only beyond rounding, and keeps comparisons with a value from the file", () => {
    expect(built.sql).toContain(
      "left_value > right_value + 1e-9 * greatest(1, abs(left_value), abs(right_value)) AS broken",
    );
    expect(built.sql).toContain(
      "WHERE broken AND (r0 IS NOT NULL OR r1 IS NOT NULL OR r2 IS NOT NULL)",
    );
  });

  it("compares `=` both ways and returns every comparison when asked", () => {
    const equal = "a = b";
    const all = buildRuleSql(rule(equal), expression(equal), "SELECT 1", {
      onlyBroken: false,
      onlyFromFile: false,
    });
    expect(all.sql).toContain("abs(left_value - right_value) > 1e-9");
    expect(all.sql).not.toContain("WHERE broken");
  });
});

describe("rule results as comparisons and findings", () => {
  const text = "a[sex=female] + b <= c";
  const parsed = { rule: rule(text), expression: expression(text) };
  const rows = [
    {
      period: "2025-Q1",
      breakdown: "",
      code: "",
      v0: 7,
      r0: 4,
      v1: 5,
      r1: null,
      v2: 10,
      r2: null,
      left_value: 12,
      right_value: 10,
      broken: true,
    },
  ];

  it("names every figure as the rule writes it, with its side and file row", () => {
    const [comparison] = ruleComparisons(parsed.expression, rows);
    expect(comparison).toEqual({
      period: "2025-Q1",
      breakdown: null,
      left: 12,
      right: 10,
      leftTerms: [
        { label: "a[sex=female]", factor: 1, value: 7, row: 4 },
        { label: "b", factor: 1, value: 5, row: null },
      ],
      rightTerms: [{ label: "c", factor: 1, value: 10, row: null }],
      leftConstant: 0,
      rightConstant: 0,
      broken: true,
    });
  });

  it("places the finding at the file's figure and lists the accepted ones", () => {
    const [comparison] = ruleComparisons(parsed.expression, rows);
    if (!comparison) throw new Error("no comparison");
    const finding = ruleFinding(parsed, comparison, "f.csv");
    expect(finding).toMatchObject({
      severity: "warning",
      code: "rule_broken_with_accepted",
      row: 4,
      value: "7",
      detail: {
        accepted: "b, c",
        leftTerms: "a[sex=female] 7 + b 5 = 12",
        rightTerms: "c 10",
      },
    });
  });
});

describe("sideText", () => {
  const term = (label: string, value: number, factor = 1) => ({ label, factor, value, row: null });
  it("writes one figure alone, and several with their factors, constant and sum", () => {
    expect(sideText([term("a", 500)], 0, 500)).toBe("a 500");
    expect(sideText([term("a", 7), term("b", 5, 2)], 3, 20)).toBe("a 7 + 2 × b 5 + 3 = 20");
    expect(sideText([term("a", 4, 0.5)], 0, 2)).toBe("0.5 × a 4 = 2");
  });
});

describe("which indicators the rules read", () => {
  it("adds the other side of every rule that reads one of the file's indicators", () => {
    const catalog = projectCatalog();
    const rules = catalog.rules.map((r) => ({ rule: r, expression: expression(r.expression) }));
    expect(indicatorsRulesRead(rules, ["returnees-referred-to-services"])).toEqual([
      "returnees-received",
      "returnees-referred-to-services",
    ]);
    expect(indicatorsRulesRead(rules, ["remittance-inflows-usd"])).toEqual([]);
  });

  it("loads a file's own indicators too, those in no rule included, before its diff and checks", () => {
    const catalog = projectCatalog();
    const rules = catalog.rules.map((r) => ({ rule: r, expression: expression(r.expression) }));
    expect(indicatorsAFileReads(rules, ["remittance-inflows-usd"])).toEqual([
      "remittance-inflows-usd",
    ]);
    expect(
      indicatorsAFileReads(rules, ["returnees-referred-to-services", "remittance-inflows-usd"]),
    ).toEqual(["remittance-inflows-usd", "returnees-received", "returnees-referred-to-services"]);
  });
});

describe("table names", () => {
  it("lets only plain identifiers reach SQL", () => {
    expect(tableName("staged_observations")).toBe("staged_observations");
    expect(() => tableName("x; DROP TABLE observations")).toThrow();
    expect(rowsSql("t")).toContain("nullif(sex, '') AS sex");
  });
});
