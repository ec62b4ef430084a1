import { detached } from "../detached-text";

/** How many distinct repeated texts (units, sources, notes) one file's rows share at most. */
const maxKeptTexts = 50_000;

/**
 * Repeated texts kept once, detached from the file's text so that parts already read can go.
 * A column of mostly different texts (notes) is copied, not remembered.
 */
export function createKeptTexts(): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    let known = kept.get(text);
    if (known === undefined) {
      known = detached(text);
      if (kept.size < maxKeptTexts) kept.set(known, known);
    }
    return known;
  };
}
