import type { DataSource } from "./data-sources";
import { type AcceptedFile, type ProvenancePoint, seriesProvenance } from "./provenance";

export interface DataCoverage {
  total: number;
  /** Indicators with a value from a publisher's dataset or a published export. */
  published: number;
  /** Indicators with a value from a file an officer accepted in this browser. */
  accepted: number;
  /** Indicators whose only values are illustrative (demo switched on). */
  demoOnly: number;
  /** Indicators with no real value at all (demo values do not count). */
  none: number;
}

/**
 * How many indicators of a scope have real data, and from where. An indicator with both
 * published and accepted values counts in both; `none` counts those with neither.
 */
export function dataCoverage(
  indicatorIds: readonly string[],
  seriesOf: (indicatorId: string) => readonly (ProvenancePoint & { value: number | null })[],
  sources: readonly DataSource[],
  acceptedFor: (indicatorId: string, period: string) => AcceptedFile | undefined,
): DataCoverage {
  const counts: DataCoverage = {
    total: indicatorIds.length,
    published: 0,
    accepted: 0,
    demoOnly: 0,
    none: 0,
  };
  for (const id of indicatorIds) {
    const observed = seriesOf(id).filter((p) => p.value !== null || p.obs_status === "censored");
    const kinds = new Set(
      seriesProvenance(observed, sources, (period) => acceptedFor(id, period)).map((p) => p.kind),
    );
    const published = kinds.has("dataset") || kinds.has("stated");
    if (published) counts.published++;
    if (kinds.has("accepted")) counts.accepted++;
    if (!published && !kinds.has("accepted")) {
      counts.none++;
      if (kinds.has("illustrative")) counts.demoOnly++;
    }
  }
  return counts;
}
