/** Writes indicators/schema/*.schema.json from the zod schema (`npm run catalog:schema`). */
import { writeFile } from "node:fs/promises";
import { catalogJsonSchema, editableSchemas } from "../src/lib/catalog/json-schema";

for (const name of Object.keys(editableSchemas) as (keyof typeof editableSchemas)[]) {
  await writeFile(`indicators/schema/${name}`, catalogJsonSchema(name));
  console.log(`wrote indicators/schema/${name}`);
}
