/** Which file in `indicators/` holds which part of the catalog. */
export const catalogFileNames = {
  themes: "themes.json",
  populationGroups: "population-groups.json",
  gcmObjectives: "gcm-objectives.json",
  dimensions: "dimensions.json",
  commitments: "commitments.json",
  indicators: "indicators.json",
} as const;

export type CatalogPart = keyof typeof catalogFileNames;
export type RawCatalog = Record<CatalogPart, unknown>;
