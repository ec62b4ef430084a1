import type { Catalog } from "../../catalog/schema";
import type { ValidationResult } from "../rules/row-validator";
import { validatePrepared } from "../validate-observations";
import type { MappedObservations } from "./mapped";

/** Every row through the row rules (src/lib/intake/rules), reporting progress from 10% to 90%. */
export function runRowRules(
  catalog: Catalog,
  mapped: MappedObservations,
  onProgress: ((fraction: number) => void) | undefined,
): ValidationResult {
  onProgress?.(0.1);
  return validatePrepared(catalog, mapped.prepared, (fraction) =>
    onProgress?.(0.1 + fraction * 0.8),
  );
}
