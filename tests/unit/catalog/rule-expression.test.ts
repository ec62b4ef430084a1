import { describe, expect, it } from "vitest";
import {
  formatSide,
  parseRuleExpression,
  referencesOf,
} from "../../../src/lib/catalog/rule-expression";

const parsed = (text: string) => {
  const result = parseRuleExpression(text);
  if (!result.ok) throw new Error(`${result.position}: ${result.message}`);
  return result.expression;
};

describe("the rule language", () => {
  it("reads a sum of indicators compared with another", () => {
    expect(
      parsed("children-in-alternatives + children-in-detention <= returnees-received"),
    ).toEqual({
      left: [
        {
          kind: "reference",
          indicator: "children-in-alternatives",
          factor: 1,
          selectors: [],
          position: 1,
        },
        {
          kind: "reference",
          indicator: "children-in-detention",
          factor: 1,
          selectors: [],
          position: 28,
        },
      ],
      comparison: "<=",
      right: [
        {
          kind: "reference",
          indicator: "returnees-received",
          factor: 1,
          selectors: [],
          position: 53,
        },
      ],
    });
  });

  it("reads factors, constants and selections whose codes hold + and -", () => {
    const expression = parsed("1.05*a[age_group=18+, sex = female] + 10 >= b[age_group=0-17]");
    expect(expression.comparison).toBe(">=");
    expect(expression.left).toEqual([
      {
        kind: "reference",
        indicator: "a",
        factor: 1.05,
        selectors: [
          { dimension: "age_group", code: "18+" },
          { dimension: "sex", code: "female" },
        ],
        position: 1,
      },
      { kind: "constant", value: 10, position: 39 },
    ]);
    expect(referencesOf(expression).map((r) => r.indicator)).toEqual(["a", "b"]);
    expect(formatSide(expression.left)).toBe("1.05 * a[age_group=18+, sex=female] + 10");
    expect(formatSide(expression.right)).toBe("b[age_group=0-17]");
  });

  it("reads an equality", () => {
    expect(parsed("a[case_status=open] + a[case_status=located_alive] = a").comparison).toBe("=");
  });

  it.each([
    ["a <= ", 6, "expected an indicator id or a number, found the end of the expression"],
    ["a < b", 3, "“<” alone is not a comparison: use “<=”"],
    ["a b", 3, "expected “<=”, “>=” or “=”, found “b”"],
    ["a <= b c", 8, "expected the end of the expression, found “c”"],
    ["a[sex=female <= b", 14, "expected “]” to close the selection, found “<=”"],
    ["a[sex] <= b", 6, "expected “=” after the dimension “sex”, found “]”"],
    ["a[sex=] <= b", 7, "expected a code after “=”"],
    ["A <= b", 1, "unexpected character “A”"],
    ["2 * <= b", 5, "expected an indicator id, found “<=”"],
    ["1 <= 2", 1, "a rule compares at least one indicator"],
    ["a + + b <= c", 5, "expected an indicator id or a number, found “+”"],
  ])("refuses %s at character %i", (text, position, message) => {
    expect(parseRuleExpression(text)).toEqual({ ok: false, position, message });
  });
});
