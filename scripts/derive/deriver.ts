/** One real series file: where it is written and how it is made from its raw files. */
export interface Deriver {
  /** File name under data/observations/. */
  output: string;
  /** Ids in data/sources.json whose raw files it reads. */
  sources: readonly string[];
  derive: () => Promise<string>;
}

export const observationsDir = "data/observations";
