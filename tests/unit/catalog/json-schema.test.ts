import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { catalogJsonSchema, editableSchemas } from "../../../src/lib/catalog/json-schema";
import { rawCatalog } from "../../helpers/catalog";

const names = Object.keys(editableSchemas) as (keyof typeof editableSchemas)[];
const committed = (name: string) => readFileSync(`indicators/schema/${name}`, "utf8");

describe("the catalog's JSON Schemas", () => {
  it.each(names)("%s is the one generated from the zod schema (npm run catalog:schema)", (name) => {
    expect(committed(name)).toBe(catalogJsonSchema(name));
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validateIndicator = ajv.compile(JSON.parse(committed("indicator.schema.json")));
  const validateCommitment = ajv.compile(JSON.parse(committed("commitment.schema.json")));

  it("accepts every indicator and commitment file as it is", () => {
    const raw = rawCatalog();
    const rejected = [
      ...raw.indicators.filter((e) => !validateIndicator(e.data)).map((e) => e.file),
      ...raw.commitments.filter((e) => !validateCommitment(e.data)).map((e) => e.file),
    ];
    expect(rejected).toEqual([]);
  });

  it("flags what an editor would mistype: an unknown field, a bad unit, a missing title", () => {
    const [entry] = rawCatalog().indicators;
    const base = entry?.data as Record<string, unknown>;
    expect(validateIndicator({ ...base, tagret: null })).toBe(false);
    expect(validateIndicator.errors?.[0]?.keyword).toBe("additionalProperties");
    expect(validateIndicator({ ...base, unit: "percentage" })).toBe(false);
    expect(validateIndicator.errors?.map((e) => e.instancePath)).toContain("/unit");
    const { title: _title, ...untitled } = base;
    expect(validateIndicator(untitled)).toBe(false);
  });

  it("is what every catalog file points to with $schema", () => {
    const raw = rawCatalog();
    const pointers = new Set([
      ...raw.indicators.map((e) => (e.data as { $schema?: string }).$schema),
      ...raw.commitments.map((e) => (e.data as { $schema?: string }).$schema),
    ]);
    expect([...pointers].sort()).toEqual([
      "../schema/commitment.schema.json",
      "../schema/indicator.schema.json",
    ]);
  });
});
