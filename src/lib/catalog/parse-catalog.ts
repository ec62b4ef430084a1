import { type CatalogPart, catalogFileNames, type RawCatalog } from "./catalog-files";
import { type Catalog, catalogFiles } from "./schema";

export interface CatalogProblem {
  file: string;
  path: string;
  message: string;
}

export type CatalogResult =
  | { ok: true; catalog: Catalog }
  | { ok: false; problems: CatalogProblem[] };

/**
 * Checks every catalog file against the schema, then the links between them.
 * Lists every problem at once so an editor can fix them in one pass.
 */
export function parseCatalog(raw: RawCatalog): CatalogResult {
  const parsed = catalogFiles.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [part, ...rest] = issue.path;
        return {
          file: catalogFileNames[part as CatalogPart] ?? String(part),
          path: rest.join("."),
          message: issue.message,
        };
      }),
    };
  }
  const problems = findBrokenLinks(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalog: parsed.data };
}

function duplicates(ids: readonly (string | number)[]): Set<string | number> {
  const seen = new Set<string | number>();
  const repeated = new Set<string | number>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return repeated;
}

function findBrokenLinks(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (part: CatalogPart, path: string, message: string) =>
    problems.push({ file: catalogFileNames[part], path, message });

  for (const [part, ids] of [
    ["themes", catalog.themes.map((t) => t.id)],
    ["populationGroups", catalog.populationGroups.map((g) => g.id)],
    ["commitments", catalog.commitments.map((c) => c.id)],
    ["indicators", catalog.indicators.map((i) => i.id)],
  ] as const) {
    for (const id of duplicates(ids)) add(part, String(id), `duplicate id "${id}"`);
  }

  const themeIds = new Set(catalog.themes.map((t) => t.id));
  const groupIds = new Set(catalog.populationGroups.map((g) => g.id));
  const commitmentIds = new Set(catalog.commitments.map((c) => c.id));
  const codes = new Map(catalog.dimensions.map((d) => [d.id, new Set(d.codes.map((c) => c.code))]));

  catalog.commitments.forEach((c, i) => {
    for (const t of c.themes)
      if (!themeIds.has(t)) add("commitments", `${i}.themes`, `unknown theme "${t}"`);
    for (const g of c.populationGroups)
      if (!groupIds.has(g))
        add("commitments", `${i}.populationGroups`, `unknown population group "${g}"`);
  });

  const measured = new Set<string>();
  catalog.indicators.forEach((ind, i) => {
    for (const c of ind.commitments) {
      measured.add(c);
      if (!commitmentIds.has(c)) add("indicators", `${i}.commitments`, `unknown commitment "${c}"`);
    }
    for (const [dim, list] of Object.entries(ind.disaggregations)) {
      const known = codes.get(dim as keyof typeof ind.disaggregations);
      for (const code of list ?? [])
        if (!known?.has(code))
          add(
            "indicators",
            `${i}.disaggregations.${dim}`,
            `code "${code}" is not in dimension ${dim}`,
          );
    }
    for (const [dim, code] of Object.entries(ind.headline)) {
      const allowed = ind.disaggregations[dim as keyof typeof ind.disaggregations] ?? [];
      if (!allowed.includes(code ?? ""))
        add(
          "indicators",
          `${i}.headline.${dim}`,
          `headline code "${code}" is not a disaggregation of ${ind.id}`,
        );
    }
  });
  catalog.commitments.forEach((c, i) => {
    if (!measured.has(c.id))
      add("commitments", String(i), `commitment "${c.id}" has no indicator measuring it`);
  });
  return problems;
}

/** Commitments whose quote is not, character for character, in the report. */
export function findMisquotes(catalog: Catalog, reportText: string): CatalogProblem[] {
  return catalog.commitments.flatMap((c, i) =>
    reportText.includes(c.quote)
      ? []
      : [
          {
            file: catalogFileNames.commitments,
            path: `${i}.quote`,
            message: `quote of "${c.id}" is not verbatim in the report`,
          },
        ],
  );
}
