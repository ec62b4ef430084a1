import type { DataSource } from "./data-sources";

/** A file an officer accepted in this browser, laid over the published data. */
export interface AcceptedFile {
  fileName: string;
  acceptedAt: string;
}

/**
 * Where a figure comes from: generated demo data, a registered publisher's dataset, a file an
 * officer accepted, or a source only named in the data (an officer's published export).
 */
export type Provenance =
  | { kind: "illustrative" }
  | { kind: "dataset"; source: DataSource }
  | { kind: "accepted"; file: AcceptedFile | null }
  | { kind: "stated"; text: string };

export interface ProvenancePoint {
  period: string;
  obs_status?: string | null;
  source?: string | null;
}

/** The provenance of one point. `accepted` says which file (if any) supplies its period. */
export function pointProvenance(
  point: ProvenancePoint,
  sources: readonly DataSource[],
  accepted: AcceptedFile | null | undefined,
): Provenance {
  if (point.obs_status === "illustrative") return { kind: "illustrative" };
  if (accepted !== undefined) return { kind: "accepted", file: accepted };
  const source = point.source ? sources.find((s) => s.id === point.source) : undefined;
  if (source) return { kind: "dataset", source };
  return { kind: "stated", text: point.source ?? "" };
}

/** One key per distinct origin: a dataset, an accepted file, a stated text, or the demo. */
export const provenanceKey = (p: Provenance): string =>
  p.kind === "dataset"
    ? `dataset:${p.source.id}`
    : p.kind === "accepted"
      ? `accepted:${p.file?.fileName ?? ""}:${p.file?.acceptedAt ?? ""}`
      : p.kind === "stated"
        ? `stated:${p.text}`
        : p.kind;

/**
 * Every distinct provenance of a series' points, newest point's first, so a label can say all of
 * where a chart's values come from (a series can mix published years and an accepted quarter).
 */
export function seriesProvenance(
  points: readonly ProvenancePoint[],
  sources: readonly DataSource[],
  acceptedFor: (period: string) => AcceptedFile | null | undefined,
): Provenance[] {
  const seen = new Map<string, Provenance>();
  for (const point of [...points].reverse()) {
    const p = pointProvenance(point, sources, acceptedFor(point.period));
    if (!seen.has(provenanceKey(p))) seen.set(provenanceKey(p), p);
  }
  return [...seen.values()];
}

/** Whether a series holds anything other than demo values. */
export const isReal = (provenance: readonly Provenance[]): boolean =>
  provenance.some((p) => p.kind !== "illustrative");
