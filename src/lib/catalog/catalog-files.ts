/** Which file in `indicators/` holds each single-file part of the catalog. */
export const catalogFileNames = {
  themes: "themes.json",
  populationGroups: "population-groups.json",
  gcmObjectives: "gcm-objectives.json",
  dimensions: "dimensions.json",
} as const;

/** Parts kept one entry per file, `<folder>/<id>.json`, so each can be edited and reviewed alone. */
export const catalogFolders = {
  commitments: "commitments",
  indicators: "indicators",
  rules: "rules",
} as const;

export type CatalogFilePart = keyof typeof catalogFileNames;
export type CatalogFolderPart = keyof typeof catalogFolders;
export type CatalogPart = CatalogFilePart | CatalogFolderPart;

/** One entry of a folder part, with the file it was read from. */
export interface CatalogEntryFile {
  file: string;
  data: unknown;
}

export type RawCatalog = Record<CatalogFilePart, unknown> &
  Record<CatalogFolderPart, CatalogEntryFile[]>;

/** The file a folder entry is expected in, from its id. */
export function entryFileName(part: CatalogFolderPart, id: string): string {
  return `${catalogFolders[part]}/${id}.json`;
}
