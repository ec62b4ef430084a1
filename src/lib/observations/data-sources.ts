import { z } from "zod";
import { localizedText } from "../catalog/schema";

/** A file kept unchanged in `data/raw/`, and where it was copied from. */
export const rawFile = z.strictObject({
  file: z.string().min(1),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The public GitHub repository (owner/name) and path it was copied from, at this commit. */
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  path: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  /** For a file made from another raw file (rows filtered, format converted, values unchanged). */
  derivedFrom: z.strictObject({ file: z.string().min(1), how: z.string().min(1) }).optional(),
});
export type RawFile = z.infer<typeof rawFile>;

/**
 * A publisher's dataset that real series are derived from. Derived rows name it in their
 * `source` column by id, so every figure can say who published it and under what licence.
 */
export const dataSource = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/),
  publisher: localizedText,
  /** Publisher and dataset in a few words, for a tile or a card. */
  short: localizedText,
  title: localizedText,
  licence: z.strictObject({
    /** A licence's short name (CC BY 4.0), or a few words when there is none. */
    name: z.string().min(1).max(40),
    /** What the copy and its repository say about it, when there is more to say. */
    detail: z.string().min(1).optional(),
    url: z.string().url().optional(),
  }),
  url: z.string().url().optional(),
  /** The release or update the files carry, as the publisher states it. */
  edition: z.string().min(1),
  caveat: localizedText.optional(),
  raw: z.array(rawFile).min(1),
});
export type DataSource = z.infer<typeof dataSource>;

export const dataSources = z.array(dataSource).min(1);

/** The data source a `source` cell names, when it names a registered one. */
export function findDataSource(
  sources: readonly DataSource[],
  cell: string | null,
): DataSource | undefined {
  return cell ? sources.find((s) => s.id === cell) : undefined;
}
