import { type Provenance, provenanceKey } from "./provenance";

/**
 * Numbered references for a printed page: each distinct provenance gets a number in order of
 * first use, each row the numbers of its own, so a row needs a few characters instead of a line.
 */
export function numberProvenances(rows: readonly (readonly Provenance[])[]): {
  refs: number[][];
  list: Provenance[];
} {
  const numbers = new Map<string, number>();
  const list: Provenance[] = [];
  const refs = rows.map((row) =>
    row.map((p) => {
      const key = provenanceKey(p);
      let n = numbers.get(key);
      if (n === undefined) {
        list.push(p);
        n = list.length;
        numbers.set(key, n);
      }
      return n;
    }),
  );
  return { refs, list };
}

/** How many of some indicators each institution should report, most first (then by name). */
export function pendingByInstitution(
  indicators: readonly { institutions: readonly string[] }[],
): { institution: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of indicators)
    for (const name of i.institutions) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([institution, count]) => ({ institution, count }))
    .sort((a, b) => b.count - a.count || a.institution.localeCompare(b.institution));
}
