import type { Catalog } from "../catalog/schema";
import type { Row } from "../db/engine";
import { latestOf } from "../observations/series-point";
import { type IndicatorStatus, type RollUp, rollUp } from "../progress/indicator-status";

export interface FundingLine {
  commitment_id: string;
  donor: string;
  currency: string;
  committed: number;
  disbursed: number;
  first_period: string;
  last_period: string;
  programmes: string;
  iati: string;
  /** Demo funding, not real. */
  illustrative: boolean;
}

export function toFundingLines(rows: readonly Row[]): FundingLine[] {
  return rows.map((r) => ({
    commitment_id: String(r.commitment_id),
    donor: String(r.donor),
    currency: String(r.currency),
    committed: Number(r.committed ?? 0),
    disbursed: Number(r.disbursed ?? 0),
    first_period: String(r.first_period ?? ""),
    last_period: String(r.last_period ?? ""),
    programmes: typeof r.programmes === "string" ? r.programmes : "",
    iati: typeof r.iati === "string" ? r.iati : "",
    illustrative: r.illustrative === true,
  }));
}

export interface FundedCommitment extends FundingLine {
  /** Disbursed as a share of committed (0–1+); null when nothing was committed. */
  disbursementRate: number | null;
  /** The progress of the indicators measuring the commitment. */
  progress: RollUp;
  indicators: { id: string; status: string; latest: string | null }[];
  /** The most recent period with data among those indicators. */
  latestData: string | null;
}

/** Funding joined to the status of the indicators that measure each funded commitment. */
export function joinFundingToProgress(
  catalog: Catalog,
  lines: readonly FundingLine[],
  statuses: ReadonlyMap<string, IndicatorStatus>,
): FundedCommitment[] {
  return lines.map((line) => {
    const indicators = catalog.indicators.filter((i) => i.commitments.includes(line.commitment_id));
    const items = indicators.flatMap((i) => statuses.get(i.id) ?? []);
    const latest = latestOf(items.flatMap((s) => (s.latest ? [s.latest] : [])));
    return {
      ...line,
      disbursementRate: line.committed > 0 ? line.disbursed / line.committed : null,
      progress: rollUp(items),
      indicators: items.map((s) => ({
        id: s.indicatorId,
        status: s.result.status,
        latest: s.latest?.period ?? null,
      })),
      latestData: latest?.period ?? null,
    };
  });
}

/** Funded commitments with no indicator data, and commitments doing poorly with no funding at all. */
export function fundingGaps(
  catalog: Catalog,
  funded: readonly FundedCommitment[],
  allLines: readonly FundingLine[],
  statuses: ReadonlyMap<string, IndicatorStatus>,
): { fundedWithoutData: string[]; poorWithoutFunding: string[] } {
  const fundedIds = new Set(allLines.map((l) => l.commitment_id));
  const fundedWithoutData = [
    ...new Set(funded.filter((f) => f.progress.withData === 0).map((f) => f.commitment_id)),
  ];
  const poorWithoutFunding = catalog.commitments
    .filter((c) => !fundedIds.has(c.id))
    .filter((c) => {
      const roll = rollUp(
        catalog.indicators
          .filter((i) => i.commitments.includes(c.id))
          .flatMap((i) => statuses.get(i.id) ?? []),
      );
      return roll.status === "limited" || roll.status === "moving_away";
    })
    .map((c) => c.id);
  return { fundedWithoutData, poorWithoutFunding };
}
