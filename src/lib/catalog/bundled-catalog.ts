import { loadBundledCatalog } from "./load-catalog-browser";
import type { DimensionName } from "./schema";

/** The catalog shipped with the app, parsed once. */
export const catalog = loadBundledCatalog();

export function findIndicator(id: string) {
  return catalog.indicators.find((i) => i.id === id);
}

export function findCommitment(id: string) {
  return catalog.commitments.find((c) => c.id === id);
}

export function codeLabel(dimension: DimensionName, code: string) {
  return catalog.dimensions.find((d) => d.id === dimension)?.codes.find((c) => c.code === code)
    ?.label;
}
