import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "../../../src/lib/catalog/parse-catalog";
import { rawCatalog } from "../../helpers/catalog";

const rule = (fields: Record<string, unknown>) => ({
  id: "test-rule",
  title: { es: "Regla", en: "Rule" },
  expression: "returnees-in-reintegration <= returnees-received",
  matching: { period: "same", breakdowns: ["sex"] },
  reason: { es: "porque sí", en: "because" },
  basis: {
    definitions: ["returnees-received"],
    explanation: { es: "definición", en: "definition" },
  },
  ...fields,
});

/** The project's catalog with one more rule file; the problems the catalog check lists. */
function problemsWith(fields: Record<string, unknown>, file = "rules/test-rule.json") {
  const raw = rawCatalog();
  const result = parseCatalog({ ...raw, rules: [...raw.rules, { file, data: rule(fields) }] });
  return result.ok ? [] : result.problems;
}

describe("rule files in the catalog", () => {
  it("loads every rule of indicators/rules with the catalog", () => {
    const result = parseCatalog(rawCatalog());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.catalog.rules.length).toBeGreaterThanOrEqual(6);
  });

  it("accepts a well-formed rule", () => {
    expect(problemsWith({})).toEqual([]);
  });

  it("names the file and the position of a broken expression", () => {
    expect(problemsWith({ expression: "returnees-in-reintegration < returnees-received" })).toEqual(
      [
        {
          file: "rules/test-rule.json",
          path: "expression",
          message: "character 28: “<” alone is not a comparison: use “<=”",
        },
      ],
    );
  });

  it("refuses unknown indicators, codes a breakdown does not have, and mixed units", () => {
    const messages = (fields: Record<string, unknown>) =>
      problemsWith(fields).map((p) => p.message);
    expect(messages({ expression: "returnees-in-reintegration <= returnees-recieved" })).toEqual([
      'character 31: unknown indicator "returnees-recieved"',
    ]);
    expect(
      messages({ expression: "returnees-in-reintegration <= returnees-received[sex=otro]" }),
    ).toEqual([
      'character 31: code "otro" is not a sex of returnees-received',
      "sex is both chosen in the expression and compared code by code",
    ]);
    expect(
      messages({
        expression: "reintegration-rate <= returnees-received",
        matching: { period: "same" },
      }),
    ).toEqual([
      'unit "percent" does not add up: rules compare counts or amounts (count, currency_usd)',
      "the indicators have different units (percent, count)",
    ]);
    expect(
      messages({
        expression: "remittance-inflows-usd <= returnees-received",
        matching: { period: "same" },
      }),
    ).toEqual(["the indicators have different units (currency_usd, count)"]);
    expect(
      messages({
        expression: "trafficking-victims-detected-unodc <= trafficking-victims-identified",
        matching: { period: "same" },
      }),
    ).toEqual([
      "the indicators have different periodicities (annual, quarterly): a rule compares the same period",
    ]);
  });

  it("refuses a breakdown one of the indicators does not take", () => {
    expect(
      problemsWith({ matching: { period: "same", breakdowns: ["department", "geography"] } }).map(
        (p) => p.message,
      ),
    ).toEqual([
      "returnees-in-reintegration is not broken down by geography, so it cannot be compared by it",
    ]);
  });

  it("refuses a misnamed file, a repeated id, an unknown field and a basis outside the catalog", () => {
    expect(problemsWith({}, "rules/other.json")).toContainEqual({
      file: "rules/other.json",
      path: "id",
      message: 'the file of "test-rule" is named rules/test-rule.json',
    });
    expect(
      problemsWith(
        { id: "reintegration-within-received" },
        "rules/reintegration-within-received.json",
      ),
    ).toContainEqual({
      file: "rules/reintegration-within-received.json",
      path: "id",
      message: 'duplicate id "reintegration-within-received"',
    });
    expect(problemsWith({ tolerance: 5 })[0]).toMatchObject({
      file: "rules/test-rule.json",
      path: "",
    });
    expect(
      problemsWith({
        basis: { definitions: ["no-such-indicator"], explanation: { es: "x", en: "x" } },
      }),
    ).toEqual([
      {
        file: "rules/test-rule.json",
        path: "basis.definitions",
        message: 'unknown indicator "no-such-indicator"',
      },
    ]);
  });

  it("passes the generated JSON Schema, which flags a misspelt field, and points to it", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync("indicators/schema/rule.schema.json", "utf8")),
    );
    const files = rawCatalog().rules;
    expect(files.filter((e) => !validate(e.data)).map((e) => e.file)).toEqual([]);
    expect(new Set(files.map((e) => (e.data as { $schema?: string }).$schema))).toEqual(
      new Set(["../schema/rule.schema.json"]),
    );
    expect(validate({ ...rule({}), expresion: "a <= b" })).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe("additionalProperties");
  });
});
