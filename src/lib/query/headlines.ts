import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Indicator, PopulationGroup } from "@/lib/catalog/schema";
import { areHeadlines, type SeriesSpec, seriesSpecs } from "@/lib/catalog/series-specs";
import type { Engine } from "@/lib/db/engine";
import { toSeriesPoints } from "@/lib/observations/decode-rows";
import { type HeadlineSnapshot, snapshotSeries } from "@/lib/observations/headline-snapshot";
import type { SeriesPoint } from "@/lib/observations/series-point";
import { buildHeadlineSeriesSql } from "@/lib/observations/series-sql";
import { useReadyEngine } from "@/lib/query/engine-status";
import { queryKeys } from "@/lib/query/query-keys";
import { loadHeadlineSnapshot, saveLocalSnapshot } from "./snapshot-storage";

export type HeadlineSeries = Map<string, SeriesPoint[]>;

export function headlinesQueryOptions(
  engine: Engine,
  dataVersion: number,
  specs: readonly SeriesSpec[],
  persist: boolean,
) {
  const { sql, params } = buildHeadlineSeriesSql(specs);
  return queryOptions({
    queryKey: queryKeys.headlines(dataVersion, specs),
    queryFn: async (): Promise<HeadlineSeries> => {
      const rows = await engine.query(sql, params);
      if (persist) saveLocalSnapshot(rows);
      const byIndicator: HeadlineSeries = new Map(specs.map((s) => [s.indicatorId, []]));
      for (const point of toSeriesPoints(rows))
        byIndicator.get(point.indicator_id ?? "")?.push(point);
      return byIndicator;
    },
  });
}

const snapshotQuery = queryOptions({
  queryKey: queryKeys.headlineSnapshot(),
  queryFn: loadHeadlineSnapshot,
});

export interface HeadlineOptions {
  /** Keep the engine's answer for the next start (the overview asks for every indicator). */
  persist?: boolean;
  /** Read each indicator through this population group's own breakdown. */
  group?: PopulationGroup;
}

/**
 * Each indicator's series in a scope: its headline, or for a population group the group's own
 * breakdown (`without` lists the indicators that cannot show the group). Until the engine
 * answers, the last computed headlines stand in (`snapshot` says which and when) — never for a
 * group, whose series the snapshot does not hold.
 */
export function useHeadlines(indicators: readonly Indicator[], options: HeadlineOptions = {}) {
  const { persist = false, group } = options;
  const ready = useReadyEngine();
  const { specs, without } = useMemo(() => seriesSpecs(indicators, group), [indicators, group]);
  const fromSnapshot = useMemo(() => areHeadlines(specs, indicators), [specs, indicators]);
  const ids = useMemo(() => specs.map((s) => s.indicatorId), [specs]);
  const snapshot = useQuery({ ...snapshotQuery, enabled: !ready && fromSnapshot });
  const placeholder = useMemo(
    () => (snapshot.data && fromSnapshot ? snapshotSeries(snapshot.data, ids) : undefined),
    [snapshot.data, ids, fromSnapshot],
  );
  const live = useQuery(
    ready
      ? {
          ...headlinesQueryOptions(ready.engine, ready.dataVersion, specs, persist),
          placeholderData: placeholder,
        }
      : {
          queryKey: queryKeys.headlines(0, specs),
          queryFn: skipToken,
          placeholderData: placeholder,
        },
  );
  const shown: HeadlineSnapshot | null =
    live.isPlaceholderData && fromSnapshot ? (snapshot.data ?? null) : null;
  return { ...live, snapshot: shown, specs, without };
}
