import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Indicator } from "@/lib/catalog/schema";
import type { Engine } from "@/lib/db/engine";
import { useReadyEngine } from "@/lib/db/engine-status";
import { toSeriesPoints } from "@/lib/observations/decode-rows";
import { type HeadlineSnapshot, snapshotSeries } from "@/lib/observations/headline-snapshot";
import { buildHeadlineSeriesSql, headlineSpecs } from "@/lib/observations/series-sql";
import type { SeriesPoint } from "@/lib/progress/series-point";
import { queryKeys } from "@/lib/query/query-keys";
import { loadHeadlineSnapshot, saveLocalSnapshot } from "./snapshot-storage";

export type HeadlineSeries = Map<string, SeriesPoint[]>;

export function headlinesQueryOptions(
  engine: Engine,
  dataVersion: number,
  indicators: readonly Indicator[],
  persist: boolean,
) {
  const { sql, params } = buildHeadlineSeriesSql(headlineSpecs(indicators));
  return queryOptions({
    queryKey: queryKeys.headlines(
      dataVersion,
      indicators.map((i) => i.id),
    ),
    queryFn: async (): Promise<HeadlineSeries> => {
      const rows = await engine.query(sql, params);
      if (persist) saveLocalSnapshot(rows);
      const byIndicator: HeadlineSeries = new Map(indicators.map((i) => [i.id, []]));
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

/**
 * Each indicator's headline series. Until the engine answers, the last computed results stand in
 * (`snapshot` says which and when, so the screen can say they may be out of date); the engine's
 * answer replaces them. `persist` keeps the engine's answer for the next start (the overview
 * asks for every indicator, so its answer covers every other screen's).
 */
export function useHeadlines(indicators: readonly Indicator[], persist = false) {
  const ready = useReadyEngine();
  const ids = useMemo(() => indicators.map((i) => i.id), [indicators]);
  const snapshot = useQuery({ ...snapshotQuery, enabled: !ready });
  const placeholder = useMemo(
    () => (snapshot.data ? snapshotSeries(snapshot.data, ids) : undefined),
    [snapshot.data, ids],
  );
  const live = useQuery(
    ready
      ? {
          ...headlinesQueryOptions(ready.engine, ready.dataVersion, indicators, persist),
          placeholderData: placeholder,
        }
      : { queryKey: queryKeys.headlines(0, ids), queryFn: skipToken, placeholderData: placeholder },
  );
  const shown: HeadlineSnapshot | null = live.isPlaceholderData ? (snapshot.data ?? null) : null;
  return { ...live, snapshot: shown };
}
