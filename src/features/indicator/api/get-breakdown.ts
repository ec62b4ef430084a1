import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import type { DimensionName } from "@/lib/catalog/schema";
import { toSeriesPoints } from "@/lib/observations/decode-rows";
import type { SeriesPoint } from "@/lib/observations/series-point";
import { buildBreakdownSql } from "@/lib/observations/series-sql";
import { type ReadyData, useReadyEngine } from "@/lib/query/engine-status";
import { queryKeys } from "@/lib/query/query-keys";

export type Breakdown = Map<string, SeriesPoint[]>;

export function breakdownQueryOptions(
  ready: Pick<ReadyData, "engine" | "dataVersion" | "ensureIndicators">,
  indicatorId: string,
  dimension: DimensionName,
) {
  const { sql, params } = buildBreakdownSql(indicatorId, dimension);
  return queryOptions({
    queryKey: queryKeys.breakdown(ready.dataVersion, indicatorId, dimension),
    queryFn: async (): Promise<Breakdown> => {
      await ready.ensureIndicators([indicatorId]);
      const byCode: Breakdown = new Map();
      for (const point of toSeriesPoints(await ready.engine.query(sql, params))) {
        const code = point.code ?? "";
        const points = byCode.get(code);
        if (points) points.push(point);
        else byCode.set(code, [point]);
      }
      return byCode;
    },
  });
}

export function useBreakdown(indicatorId: string, dimension: DimensionName | null) {
  const ready = useReadyEngine();
  return useQuery(
    ready && dimension
      ? breakdownQueryOptions(ready, indicatorId, dimension)
      : {
          queryKey: queryKeys.breakdown(ready?.dataVersion ?? 0, indicatorId, dimension),
          queryFn: skipToken,
        },
  );
}
