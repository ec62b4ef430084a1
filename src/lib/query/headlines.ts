import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import type { Indicator } from "@/lib/catalog/schema";
import type { Engine } from "@/lib/db/engine";
import { useReadyEngine } from "@/lib/db/engine-status";
import { toSeriesPoints } from "@/lib/observations/decode-rows";
import { buildHeadlineSeriesSql } from "@/lib/observations/series-sql";
import type { SeriesPoint } from "@/lib/progress/series-point";
import { queryKeys } from "@/lib/query/query-keys";

export type HeadlineSeries = Map<string, SeriesPoint[]>;

export function headlinesQueryOptions(
  engine: Engine,
  dataVersion: number,
  indicators: readonly Indicator[],
) {
  const { sql, params } = buildHeadlineSeriesSql(
    indicators.map((i) => ({ indicatorId: i.id, selection: i.headline })),
  );
  return queryOptions({
    queryKey: queryKeys.headlines(
      dataVersion,
      indicators.map((i) => i.id),
    ),
    queryFn: async (): Promise<HeadlineSeries> => {
      const byIndicator: HeadlineSeries = new Map(indicators.map((i) => [i.id, []]));
      for (const point of toSeriesPoints(await engine.query(sql, params))) {
        byIndicator.get(point.indicator_id ?? "")?.push(point);
      }
      return byIndicator;
    },
  });
}

export function useHeadlines(indicators: readonly Indicator[]) {
  const ready = useReadyEngine();
  // Until the engine is ready the query waits (skipToken) instead of running.
  return useQuery(
    ready
      ? headlinesQueryOptions(ready.engine, ready.dataVersion, indicators)
      : {
          queryKey: queryKeys.headlines(
            0,
            indicators.map((i) => i.id),
          ),
          queryFn: skipToken,
        },
  );
}
