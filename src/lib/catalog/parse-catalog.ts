import {
  type CatalogFolderPart,
  type CatalogPart,
  catalogFileNames,
  catalogFolders,
  entryFileName,
  type RawCatalog,
} from "./catalog-files";
import { checkRules } from "./check-rules";
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
  const files = { commitments: raw.commitments, indicators: raw.indicators, rules: raw.rules };
  const parsed = catalogFiles.safeParse({
    ...raw,
    commitments: raw.commitments.map((e) => e.data),
    indicators: raw.indicators.map((e) => e.data),
    rules: raw.rules.map((e) => e.data),
  });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [part, ...rest] = issue.path;
        if (isFolderPart(part)) {
          const [index, ...inside] = rest;
          return {
            file: files[part][Number(index)]?.file ?? catalogFolders[part],
            path: inside.join("."),
            message: issue.message,
          };
        }
        return {
          file: catalogFileNames[part as keyof typeof catalogFileNames] ?? String(part),
          path: rest.join("."),
          message: issue.message,
        };
      }),
    };
  }
  const problems = [
    ...misnamedFiles(raw, parsed.data),
    ...findBrokenLinks(parsed.data),
    ...findUnmeasurable(parsed.data),
    ...checkRules(parsed.data, parsed.data.rules, raw.rules),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, catalog: parsed.data };
}

function isFolderPart(part: unknown): part is CatalogFolderPart {
  return part === "commitments" || part === "indicators" || part === "rules";
}

/** An entry lives in `<folder>/<id>.json`, so its file can be found from its id and back. */
function misnamedFiles(raw: RawCatalog, catalog: Catalog): CatalogProblem[] {
  return (["commitments", "indicators"] as const).flatMap((part) =>
    catalog[part].flatMap((entry, index) => {
      const file = raw[part][index]?.file ?? "";
      return file === entryFileName(part, entry.id)
        ? []
        : [
            {
              file,
              path: "id",
              message: `the file of "${entry.id}" is named ${entryFileName(part, entry.id)}`,
            },
          ];
    }),
  );
}

/** Where an entry of a part lives, for a problem found after parsing. */
function fileOf(catalog: Catalog, part: CatalogPart, index: number): string {
  if (isFolderPart(part)) {
    const id = catalog[part][index]?.id;
    return id === undefined ? catalogFolders[part] : entryFileName(part, id);
  }
  return catalogFileNames[part];
}

function duplicates(ids: readonly (string | number)[]): Set<string | number> {
  const seen = new Set<string | number>();
  const repeated = new Set<string | number>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return repeated;
}

function findBrokenLinks(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (part: CatalogPart, index: number, path: string, message: string) =>
    problems.push({ file: fileOf(catalog, part, index), path, message });

  for (const [part, ids] of [
    ["themes", catalog.themes.map((t) => t.id)],
    ["populationGroups", catalog.populationGroups.map((g) => g.id)],
    ["commitments", catalog.commitments.map((c) => c.id)],
    ["indicators", catalog.indicators.map((i) => i.id)],
  ] as const) {
    for (const id of duplicates(ids))
      add(part, ids.lastIndexOf(id as string), "id", `duplicate id "${id}"`);
  }

  const themeIds = new Set(catalog.themes.map((t) => t.id));
  const groupIds = new Set(catalog.populationGroups.map((g) => g.id));
  const commitmentIds = new Set(catalog.commitments.map((c) => c.id));
  const codes = new Map(catalog.dimensions.map((d) => [d.id, new Set(d.codes.map((c) => c.code))]));

  catalog.populationGroups.forEach((g, i) => {
    for (const [k, d] of g.dimensions.entries())
      if (!codes.get(d.name)?.has(d.code))
        add(
          "populationGroups",
          i,
          `${i}.dimensions.${k}`,
          `code "${d.code}" is not in dimension ${d.name}`,
        );
  });

  catalog.commitments.forEach((c, i) => {
    for (const t of c.themes)
      if (!themeIds.has(t)) add("commitments", i, "themes", `unknown theme "${t}"`);
    for (const g of c.populationGroups)
      if (!groupIds.has(g))
        add("commitments", i, "populationGroups", `unknown population group "${g}"`);
  });

  const measured = new Set<string>();
  catalog.indicators.forEach((ind, i) => {
    for (const c of ind.commitments) {
      measured.add(c);
      if (!commitmentIds.has(c)) add("indicators", i, "commitments", `unknown commitment "${c}"`);
    }
    for (const g of ind.universe)
      if (!groupIds.has(g)) add("indicators", i, "universe", `unknown population group "${g}"`);
    for (const [dim, list] of Object.entries(ind.disaggregations)) {
      const known = codes.get(dim as keyof typeof ind.disaggregations);
      for (const code of list ?? [])
        if (!known?.has(code))
          add(
            "indicators",
            i,
            `disaggregations.${dim}`,
            `code "${code}" is not in dimension ${dim}`,
          );
    }
    for (const [dim, code] of Object.entries(ind.headline)) {
      const allowed = ind.disaggregations[dim as keyof typeof ind.disaggregations] ?? [];
      if (!allowed.includes(code ?? ""))
        add(
          "indicators",
          i,
          `headline.${dim}`,
          `headline code "${code}" is not a disaggregation of ${ind.id}`,
        );
    }
  });
  catalog.commitments.forEach((c, i) => {
    if (!measured.has(c.id))
      add("commitments", i, "id", `commitment "${c.id}" has no indicator measuring it`);
  });
  return problems;
}

/** Beyond this many commitments, an indicator must say why one series can speak for them all. */
export const maxCommitmentsWithoutReason = 5;

/**
 * What keeps progress from being shown: a commitment measured only by context counts (no
 * indicator it can move has a direction), or one indicator stretched over many asks unexplained.
 */
function findUnmeasurable(catalog: Catalog): CatalogProblem[] {
  const directed = new Set(
    catalog.indicators.filter((i) => i.direction !== "context").flatMap((i) => i.commitments),
  );
  const measured = new Set(catalog.indicators.flatMap((i) => i.commitments));
  const undirected = catalog.commitments
    // A commitment with no indicator at all is already reported as unmeasured.
    .filter((c) => measured.has(c.id) && !directed.has(c.id))
    .map((c) => ({
      file: entryFileName("commitments", c.id),
      path: "id",
      message: `commitment "${c.id}" has no indicator with a direction of progress (only context)`,
    }));
  const stretched = catalog.indicators
    .filter(
      (i) =>
        new Set(i.commitments).size > maxCommitmentsWithoutReason &&
        i.commitmentsReason === undefined,
    )
    .map((i) => ({
      file: entryFileName("indicators", i.id),
      path: "commitments",
      message: `"${i.id}" serves ${new Set(i.commitments).size} commitments, more than ${maxCommitmentsWithoutReason}, without a commitmentsReason saying why`,
    }));
  return [...undirected, ...stretched];
}

/** Commitments whose quote is not, character for character, in the report. */
export function findMisquotes(catalog: Catalog, reportText: string): CatalogProblem[] {
  return catalog.commitments.flatMap((c) =>
    reportText.includes(c.quote)
      ? []
      : [
          {
            file: entryFileName("commitments", c.id),
            path: "quote",
            message: `quote of "${c.id}" is not verbatim in the report`,
          },
        ],
  );
}
