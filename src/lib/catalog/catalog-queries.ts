import type { Catalog, Commitment, DimensionName, Indicator, PopulationGroup } from "./schema";

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

/**
 * How an indicator shows a population group: through the first of the group's breakdowns it
 * accepts, whole (it counts only that group, so its total is the group's figure), or not at all.
 */
export type GroupView =
  | { kind: "breakdown"; dimension: DimensionName; code: string }
  | { kind: "whole" }
  | { kind: "none" };

export function groupView(indicator: Indicator, group: PopulationGroup): GroupView {
  if (indicator.universe.includes(group.id)) return { kind: "whole" };
  const match = group.dimensions.find((d) => indicator.disaggregations[d.name]?.includes(d.code));
  return match ? { kind: "breakdown", dimension: match.name, code: match.code } : { kind: "none" };
}

/** Whether an indicator can be broken down to show this group (one of its codes is accepted). */
export function disaggregatesFor(indicator: Indicator, group: PopulationGroup): boolean {
  return groupView(indicator, group).kind === "breakdown";
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
