import { loadBundledCatalog } from "./load-catalog-browser";
import type { DimensionName, Indicator, Theme } from "./schema";

/** The catalog shipped with the app, parsed once. */
export const catalog = loadBundledCatalog();

export function findIndicator(id: string): Indicator | undefined {
  return catalog.indicators.find((i) => i.id === id);
}

export function indicatorsOfTheme(theme: Theme): Indicator[] {
  const commitments = new Set(
    catalog.commitments.filter((c) => c.themes.includes(theme.id)).map((c) => c.id),
  );
  return catalog.indicators.filter((i) => i.commitments.some((c) => commitments.has(c)));
}

export function codeLabel(dimension: DimensionName, code: string) {
  return catalog.dimensions.find((d) => d.id === dimension)?.codes.find((c) => c.code === code)
    ?.label;
}
