/** One real series file: where it is written and how it is made from its raw files. */
export interface Deriver {
  /** File name under data/observations/. */
  output: string;
  /** Ids in data/sources.json whose raw files it reads. */
  sources: readonly string[];
  derive: () => Promise<string>;
}

export const observationsDir = "data/observations";

/**
 * A file the app ships that is made from raw files (a map's boundaries, population
 * denominators): written at `output`, a path from the project's root.
 */
export interface AssetDeriver {
  output: string;
  sources: readonly string[];
  derive: () => Promise<string>;
}
