import { z } from "zod";
import { commitment, indicator, rule } from "./schema";

/** Files of the catalog an editor can check while they are typed, and the schema each follows. */
export const editableSchemas = {
  "indicator.schema.json": indicator,
  "commitment.schema.json": commitment,
  "rule.schema.json": rule,
} as const;

/**
 * JSON Schema of one kind of catalog file, generated from the zod schema the app checks with, so
 * the two cannot disagree. Input form: fields with defaults may be left out of a file. Rules that
 * span fields (a percentage's limits, a target or its reason) are checked by `gcm catalog` only.
 */
export function catalogJsonSchema(name: keyof typeof editableSchemas): string {
  const schema = z.toJSONSchema(editableSchemas[name], { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: name.replace(".schema.json", "") }, null, 2)}\n`;
}
