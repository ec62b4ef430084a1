import { bundledSources } from "./bundled-sources";
import { type AcceptedFile, type Provenance, provenanceKey, seriesProvenance } from "./provenance";
import type { SeriesPoint } from "./series-point";

export interface SourcedSeries {
  indicatorId: string;
  points: readonly SeriesPoint[];
}

/** Every distinct provenance of the observed points of some series (e.g. a commitment's indicators). */
export function provenanceOfSeries(
  series: readonly SourcedSeries[],
  accepted: (indicatorId: string, period: string) => AcceptedFile | undefined,
): Provenance[] {
  const seen = new Map<string, Provenance>();
  for (const { indicatorId, points } of series) {
    const observed = points.filter((p) => p.value !== null || p.obs_status === "censored");
    for (const p of seriesProvenance(observed, bundledSources, (period) =>
      accepted(indicatorId, period),
    ))
      seen.set(provenanceKey(p), p);
  }
  return [...seen.values()];
}
