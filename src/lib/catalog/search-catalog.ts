import type { Catalog, LocalizedText } from "./schema";

export type SearchHit =
  | { kind: "commitment"; id: string; title: LocalizedText; excerpt: string }
  | { kind: "indicator"; id: string; title: LocalizedText; excerpt: string };

/** Lower case without accents, so «niñez» finds «ninez» and «detención» finds «detencion». */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, at + 80)}${at + 80 < text.length ? "…" : ""}`;
}

/**
 * Finds commitments and indicators whose text, in either language, contains every word of the
 * query. Titles rank above bodies; indicators above commitments on equal rank.
 */
export function searchCatalog(catalog: Catalog, query: string, limit = 50): SearchHit[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((w) => w.length > 1);
  if (words.length === 0) return [];
  const score = (
    title: LocalizedText,
    body: string[],
  ): { rank: number; text: string; at: number } | null => {
    const titleText = fold(`${title.es} ${title.en}`);
    const all = body.map(fold);
    if (!words.every((w) => titleText.includes(w) || all.some((b) => b.includes(w)))) return null;
    const inTitle = words.filter((w) => titleText.includes(w)).length;
    const first = words[0] ?? "";
    const bodyIndex = all.findIndex((b) => b.includes(first));
    const text = bodyIndex >= 0 ? (body[bodyIndex] ?? "") : title.es;
    return {
      rank: inTitle * 10 + 1,
      text,
      at: bodyIndex >= 0 ? (all[bodyIndex]?.indexOf(first) ?? 0) : 0,
    };
  };
  const hits: (SearchHit & { rank: number })[] = [];
  for (const i of catalog.indicators) {
    const s = score(i.title, [
      i.definition.es,
      i.definition.en,
      i.id,
      i.sdg?.indicator ?? "",
      ...i.institutions,
    ]);
    if (s)
      hits.push({
        kind: "indicator",
        id: i.id,
        title: i.title,
        excerpt: excerpt(s.text, s.at),
        rank: s.rank + 0.5,
      });
  }
  for (const c of catalog.commitments) {
    const s = score(c.title, [c.quote, c.id]);
    if (s)
      hits.push({
        kind: "commitment",
        id: c.id,
        title: c.title,
        excerpt: excerpt(s.text, s.at),
        rank: s.rank,
      });
  }
  return hits
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}
