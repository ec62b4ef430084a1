import { readRawCatalog } from "../../src/lib/catalog/load-catalog-node";
import { type Dimension, dimension } from "../../src/lib/catalog/schema";
import { createDepartmentRecoder } from "../../src/lib/intake/recode-department";

/** The catalog's department dimension (indicators/dimensions.json): the 18 ISO 3166-2:HN codes. */
export const departmentDimension: Dimension = dimension.parse(
  (readRawCatalog("indicators").dimensions as unknown[]).find(
    (d) => (d as { id?: string }).id === "department",
  ),
);

/** The 18 department codes, sorted. */
export const departmentCodes: readonly string[] = departmentDimension.codes
  .map((c) => c.code)
  .sort();

const recode = createDepartmentRecoder(departmentDimension);

/**
 * The ISO code of a department however a publisher's file writes it, by the same recoder the
 * Data page uses (src/lib/intake/recode-department.ts); a spelling it does not know stops the
 * derivation, naming where it was found.
 */
export function departmentCode(name: string, where: string): string {
  const code = recode(name);
  if (code === null) throw new Error(`unknown department "${name}" in ${where}`);
  return code;
}
