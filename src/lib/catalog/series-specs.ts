import { groupView } from "./catalog-queries";
import type { DimensionName, Indicator, PopulationGroup } from "./schema";

/** Which series of an indicator a view reads: its headline codes, with any others at their totals. */
export interface SeriesSpec {
  indicatorId: string;
  selection: Partial<Record<DimensionName, string>>;
}

/**
 * The series each indicator shows in a scope. Without a group: the headline. For a population
 * group: the headline narrowed to the group's own breakdown (children → age 0–17), or the
 * headline itself when the indicator counts only that group; indicators that can show neither are
 * left out (`without`), so no total is ever passed off as a group's figure.
 */
export function seriesSpecs(
  indicators: readonly Indicator[],
  group?: PopulationGroup,
): { specs: SeriesSpec[]; without: Indicator[] } {
  const specs: SeriesSpec[] = [];
  const without: Indicator[] = [];
  for (const indicator of indicators) {
    if (!group) {
      specs.push({ indicatorId: indicator.id, selection: indicator.headline });
      continue;
    }
    const view = groupView(indicator, group);
    if (view.kind === "none") without.push(indicator);
    else if (view.kind === "whole")
      specs.push({ indicatorId: indicator.id, selection: indicator.headline });
    else
      specs.push({
        indicatorId: indicator.id,
        selection: { ...indicator.headline, [view.dimension]: view.code },
      });
  }
  return { specs, without };
}

/** Whether every spec is its indicator's headline (what the build-time snapshot holds). */
export function areHeadlines(
  specs: readonly SeriesSpec[],
  indicators: readonly Indicator[],
): boolean {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return specs.every((s) => {
    const headline = byId.get(s.indicatorId)?.headline ?? {};
    const keys = new Set([...Object.keys(headline), ...Object.keys(s.selection)]);
    return [...keys].every((k) => headline[k as DimensionName] === s.selection[k as DimensionName]);
  });
}
