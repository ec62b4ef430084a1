import type { DimensionName } from "../catalog/schema";
import type { SeriesSpec } from "../catalog/series-specs";
import type { Selection } from "../observations/series-sql";

/** Every react-query key, from general to specific, built in one place. */
export const queryKeys = {
  all: (dataVersion: number) => ["observations", dataVersion] as const,
  /** Headline results computed before this start (build time or last session). */
  headlineSnapshot: () => ["headline-snapshot"] as const,
  headlines: (dataVersion: number, specs: readonly SeriesSpec[]) =>
    [...queryKeys.all(dataVersion), "headlines", specs] as const,
  series: (dataVersion: number, indicatorId: string, selection: Selection) =>
    [...queryKeys.all(dataVersion), "series", indicatorId, selection] as const,
  submissions: (dataVersion: number) => ["submissions", dataVersion] as const,
  /** The site's index of published releases, and one release with its changes. */
  releases: () => ["releases"] as const,
  release: (version: string) => ["releases", version] as const,
  /** Which accepted file supplies each indicator-period, for source labels. */
  acceptedFiles: (dataVersion: number) => ["submissions", dataVersion, "accepted-files"] as const,
  breakdown: (dataVersion: number, indicatorId: string, dimension: DimensionName | null) =>
    [...queryKeys.all(dataVersion), "breakdown", indicatorId, dimension] as const,
  /** Rows and SHA-256 of the accepted data in effect. */
  fingerprint: (dataVersion: number) =>
    [...queryKeys.submissions(dataVersion), "fingerprint"] as const,
  funding: (dataVersion: number) => ["funding", dataVersion] as const,
  /** Which indicators have data for which periods, for the Data page's matrix. */
  completeness: (dataVersion: number, periods: readonly string[]) =>
    ["completeness", dataVersion, periods] as const,
  /** The catalog's plausibility rules over the accepted data, with the comparisons they fail. */
  ruleStatuses: (dataVersion: number) => [...queryKeys.all(dataVersion), "rule-statuses"] as const,
  /** The departments' outlines, shipped with the app: they never change while it runs. */
  departmentMap: () => ["map", "honduras"] as const,
};
