import { dimensionNames, type Indicator } from "../catalog/schema";
import type { SqlQuery } from "../observations/series-sql";
import { dueDate } from "./reporting-periods";

export type Completeness = "reported" | "partial" | "missing" | "late" | "no_source";

/** For each indicator and period: how many rows, and whether the total has a value. */
export function buildCompletenessSql(
  indicatorIds: readonly string[],
  periods: readonly string[],
): SqlQuery {
  const totals = dimensionNames.map((d) => `${d} IS NULL`).join(" AND ");
  return {
    sql: `SELECT indicator_id, period, count(*) AS rows, count(*) FILTER (WHERE ${totals} AND value IS NOT NULL) AS totals FROM observations WHERE indicator_id IN (${indicatorIds.map(() => "?").join(", ")}) AND period IN (${periods.map(() => "?").join(", ")}) GROUP BY indicator_id, period`,
    params: [...indicatorIds, ...periods],
  };
}

/** Indicators with at least one observation in any period, accepted or published. */
export function buildEverReportedSql(indicatorIds: readonly string[]): SqlQuery {
  return {
    sql: `SELECT DISTINCT indicator_id FROM observations WHERE indicator_id IN (${indicatorIds.map(() => "?").join(", ")})`,
    params: [...indicatorIds],
  };
}

/**
 * A provider that names a question or module still to be added to a survey or form («Pregunta
 * añadida a la ficha…», "Question added to…"): the source does not exist yet.
 */
const sourceToBeAdded = /\b(añadid[oa]s?|added) (a|to)\b/iu;

/**
 * Whether an indicator has a source that could have reported it: not when nobody has ever
 * reported it (no observation in any period), nor when its provider is a question or module
 * still to be added. Such an indicator is "no source yet", never "late": there is nobody to chase.
 */
export function hasSource(indicator: Pick<Indicator, "provider">, everReported: boolean): boolean {
  if (!everReported) return false;
  return (
    !sourceToBeAdded.test(indicator.provider.es) && !sourceToBeAdded.test(indicator.provider.en)
  );
}

/**
 * Reported: the total has a value. Partial: some rows but no total value. Missing: nothing yet,
 * still within the reporting delay of the period's periodicity (`reportingDelayDays`). Late:
 * nothing, and that delay has passed. No source yet: nothing, and no source exists that could
 * have sent it (`hasSource`), so it is not late whatever the date.
 */
export function completeness(
  rows: number,
  totals: number,
  period: string,
  today: Date,
  sourceExists = true,
): Completeness {
  if (totals > 0) return "reported";
  if (rows > 0) return "partial";
  if (!sourceExists) return "no_source";
  const due = dueDate(period);
  return due !== null && today.getTime() > due.getTime() ? "late" : "missing";
}

/** One indicator and period still to be reported (or completed with its total). */
export interface PendingCell {
  indicatorId: string;
  period: string;
  status: Exclude<Completeness, "reported" | "no_source">;
}

export interface InstitutionPending {
  institution: string;
  late: number;
  indicators: { indicatorId: string; cells: PendingCell[] }[];
}

/**
 * What each institution still owes, so an officer knows whom to call: every pending cell goes to
 * each institution the catalog names for its indicator. Institutions with the most late periods
 * come first (then the most pending, then by name); indicators and periods keep the given order.
 */
export function pendingByInstitution(
  indicators: readonly Pick<Indicator, "id" | "institutions">[],
  pending: readonly PendingCell[],
): InstitutionPending[] {
  const byInstitution = new Map<string, Map<string, PendingCell[]>>();
  for (const indicator of indicators) {
    const cells = pending.filter((c) => c.indicatorId === indicator.id);
    if (cells.length === 0) continue;
    for (const institution of indicator.institutions) {
      const owed = byInstitution.get(institution) ?? new Map<string, PendingCell[]>();
      owed.set(indicator.id, cells);
      byInstitution.set(institution, owed);
    }
  }
  const count = (p: InstitutionPending) => p.indicators.reduce((n, i) => n + i.cells.length, 0);
  return [...byInstitution.entries()]
    .map(([institution, owed]) => {
      const list = [...owed.entries()].map(([indicatorId, cells]) => ({ indicatorId, cells }));
      const late = list.reduce((n, i) => n + i.cells.filter((c) => c.status === "late").length, 0);
      return { institution, late, indicators: list };
    })
    .sort(
      (a, b) =>
        b.late - a.late || count(b) - count(a) || a.institution.localeCompare(b.institution, "es"),
    );
}
