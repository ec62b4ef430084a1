import { keepPreviousData, queryOptions, skipToken } from "@tanstack/react-query";
import { buildCompletenessSql, buildEverReportedSql } from "@/lib/officer-tools/completeness";
import type { ReadyData } from "@/lib/query/engine-status";
import { queryKeys } from "@/lib/query/query-keys";

/** Rows and totals reported per indicator and period, keyed `indicator|period`. */
export type CompletenessCounts = Map<string, { rows: number; totals: number }>;

export interface CompletenessData {
  counts: CompletenessCounts;
  /** Indicators with an observation in some period, recent or not. */
  everReported: ReadonlySet<string>;
}

/** What the completeness matrix counts, on the accepted data; idle until the engine is ready. */
export function completenessQuery(
  ready: ReadyData | null,
  ids: readonly string[],
  periods: readonly string[],
) {
  const { sql, params } = buildCompletenessSql([...ids], [...periods]);
  const ever = buildEverReportedSql([...ids]);
  return queryOptions({
    queryKey: queryKeys.completeness(ready?.dataVersion ?? 0, periods),
    queryFn: ready
      ? async (): Promise<CompletenessData> => ({
          counts: new Map(
            (await ready.engine.query(sql, params)).map((r) => [
              `${r.indicator_id}|${r.period}`,
              { rows: Number(r.rows), totals: Number(r.totals) },
            ]),
          ),
          everReported: new Set(
            (await ready.engine.query(ever.sql, ever.params)).map((r) => String(r.indicator_id)),
          ),
        })
      : skipToken,
    // After an accept or undo the last counts stay drawn until the new ones are read: the
    // matrix is not taken down and rebuilt whole (a long frame) for a moment of "counting".
    placeholderData: keepPreviousData,
  });
}
