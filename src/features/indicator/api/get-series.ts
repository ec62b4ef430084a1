import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import type { Engine } from "@/lib/db/engine";
import { useReadyEngine } from "@/lib/db/engine-status";
import { toSeriesPoints } from "@/lib/observations/decode-rows";
import { buildSeriesSql, type Selection } from "@/lib/observations/series-sql";
import type { SeriesPoint } from "@/lib/progress/series-point";
import { queryKeys } from "@/lib/query/query-keys";

export function seriesQueryOptions(
  engine: Engine,
  dataVersion: number,
  indicatorId: string,
  selection: Selection,
) {
  const { sql, params } = buildSeriesSql(indicatorId, selection);
  return queryOptions({
    queryKey: queryKeys.series(dataVersion, indicatorId, selection),
    queryFn: async (): Promise<SeriesPoint[]> => toSeriesPoints(await engine.query(sql, params)),
  });
}

export function useSeries(indicatorId: string, selection: Selection) {
  const ready = useReadyEngine();
  return useQuery(
    ready
      ? seriesQueryOptions(ready.engine, ready.dataVersion, indicatorId, selection)
      : { queryKey: queryKeys.series(0, indicatorId, selection), queryFn: skipToken },
  );
}
