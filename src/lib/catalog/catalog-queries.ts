import type { Catalog, Commitment, Indicator, PopulationGroup } from "./schema";

/** Pure look-ups over the catalog's links, shared by pages, the CLI and tests. */

export function commitmentsOfTheme(catalog: Catalog, themeId: string): Commitment[] {
  return catalog.commitments.filter((c) => c.themes.includes(themeId));
}

export function commitmentsOfGroup(catalog: Catalog, groupId: string): Commitment[] {
  return catalog.commitments.filter((c) => c.populationGroups.includes(groupId));
}

export function commitmentsOfObjective(catalog: Catalog, objective: number): Commitment[] {
  return catalog.commitments.filter((c) => c.gcmObjectives.includes(objective));
}

export function indicatorsOfCommitments(
  catalog: Catalog,
  commitments: readonly Commitment[],
): Indicator[] {
  const ids = new Set(commitments.map((c) => c.id));
  return catalog.indicators.filter((i) => i.commitments.some((c) => ids.has(c)));
}

/** Whether an indicator can be broken down to show this group (its dimension code is accepted). */
export function disaggregatesFor(indicator: Indicator, group: PopulationGroup): boolean {
  if (!group.dimension) return false;
  return indicator.disaggregations[group.dimension.name]?.includes(group.dimension.code) ?? false;
}

/** Indicators that serve a group's commitments or can be disaggregated for it. */
export function indicatorsOfGroup(catalog: Catalog, group: PopulationGroup): Indicator[] {
  const serving = new Set(
    indicatorsOfCommitments(catalog, commitmentsOfGroup(catalog, group.id)).map((i) => i.id),
  );
  return catalog.indicators.filter((i) => serving.has(i.id) || disaggregatesFor(i, group));
}

export function commitmentsOfIndicator(catalog: Catalog, indicator: Indicator): Commitment[] {
  return catalog.commitments.filter((c) => indicator.commitments.includes(c.id));
}
