import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { toSeriesPoints } from "@/lib/observations/decode-rows";
import type { SeriesPoint } from "@/lib/observations/series-point";
import { buildSeriesSql, type Selection } from "@/lib/observations/series-sql";
import { type ReadyData, useReadyEngine } from "@/lib/query/engine-status";
import { queryKeys } from "@/lib/query/query-keys";

export function seriesQueryOptions(
  ready: Pick<ReadyData, "engine" | "dataVersion" | "ensureIndicators">,
  indicatorId: string,
  selection: Selection,
) {
  const { sql, params } = buildSeriesSql(indicatorId, selection);
  return queryOptions({
    queryKey: queryKeys.series(ready.dataVersion, indicatorId, selection),
    queryFn: async (): Promise<SeriesPoint[]> => {
      await ready.ensureIndicators([indicatorId]);
      return toSeriesPoints(await ready.engine.query(sql, params));
    },
  });
}

export function useSeries(indicatorId: string, selection: Selection) {
  const ready = useReadyEngine();
  return useQuery(
    ready
      ? seriesQueryOptions(ready, indicatorId, selection)
      : { queryKey: queryKeys.series(0, indicatorId, selection), queryFn: skipToken },
  );
}
