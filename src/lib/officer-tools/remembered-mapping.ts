import { z } from "zod";
import { normaliseHeader } from "../intake/header-map";
import { type ObservationColumn, observationColumns } from "../observations/columns";

/** What an officer chose for a file's columns: by position, and an indicator for every row. */
export interface RememberedMapping {
  mapping: Record<number, ObservationColumn | null>;
  indicatorId?: string;
}

export type MappingStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const storedMapping = z.object({
  mapping: z.record(z.string().regex(/^\d+$/), z.enum(observationColumns).nullable()),
  indicatorId: z.string().min(1).optional(),
});

/** cyrb53: a fast 53-bit string hash; enough to tell layouts apart, not a security measure. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The storage key of a file's layout: its header cells in order, compared as header matching
 * compares them (accents, case, spaces and punctuation ignored), so «Período» and «PERIODO» are
 * the same layout while another column order is not.
 */
export function layoutKey(header: readonly string[]): string {
  return `gcm-monitor:column-mapping:${hash53(header.map(normaliseHeader).join("\u001f"))}`;
}

/** The mapping remembered for files with this header, or null (none, or stored by hand wrongly). */
export function readRememberedMapping(
  storage: MappingStorage,
  header: readonly string[],
): RememberedMapping | null {
  let text: string | null;
  try {
    text = storage.getItem(layoutKey(header));
  } catch {
    return null;
  }
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = storedMapping.safeParse(json);
  if (!parsed.success) return null;
  const mapping: Record<number, ObservationColumn | null> = {};
  for (const [index, column] of Object.entries(parsed.data.mapping))
    if (Number(index) < header.length) mapping[Number(index)] = column;
  return parsed.data.indicatorId === undefined
    ? { mapping }
    : { mapping, indicatorId: parsed.data.indicatorId };
}

/** Whether a choice says anything: an empty one is the automatic mapping, not worth keeping. */
export function isEmptyMapping(choice: RememberedMapping): boolean {
  return Object.keys(choice.mapping).length === 0 && choice.indicatorId === undefined;
}

/**
 * Keeps the choice for the next file with the same header; an empty choice forgets it. A full
 * or refused storage only means nothing is remembered: the upload itself never fails for it.
 */
export function rememberMapping(
  storage: MappingStorage,
  header: readonly string[],
  choice: RememberedMapping,
): void {
  try {
    if (isEmptyMapping(choice)) storage.removeItem(layoutKey(header));
    else storage.setItem(layoutKey(header), JSON.stringify(choice));
  } catch {
    // Private browsing or a full quota: the officer maps the columns again next time.
  }
}

export function forgetMapping(storage: MappingStorage, header: readonly string[]): void {
  try {
    storage.removeItem(layoutKey(header));
  } catch {
    // Nothing stored can be read either, so nothing will be applied.
  }
}

/**
 * Whether two choices are the same: each column set the same way (a column left automatic is not
 * the same as one set to be ignored) and the same indicator for every row.
 */
export function sameMapping(a: RememberedMapping, b: RememberedMapping): boolean {
  const keys = new Set([...Object.keys(a.mapping), ...Object.keys(b.mapping)].map(Number));
  for (const key of keys)
    if (!(key in a.mapping) || !(key in b.mapping) || a.mapping[key] !== b.mapping[key])
      return false;
  return a.indicatorId === b.indicatorId;
}
