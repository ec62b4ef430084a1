import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { type FundingLine, toFundingLines } from "@/lib/funding/funding-progress";
import { buildDonorsSql, buildFundingByCommitmentSql } from "@/lib/funding/funding-sql";
import type { ReadyData } from "@/lib/query/engine-status";
import { useReadyEngine } from "@/lib/query/engine-status";
import { queryKeys } from "./query-keys";

function fundingQueryOptions(ready: ReadyData) {
  return queryOptions({
    queryKey: queryKeys.funding(ready.dataVersion),
    queryFn: async (): Promise<{ donors: string[]; lines: FundingLine[] }> => {
      const donors = (await ready.engine.query(buildDonorsSql().sql)).map((r) => String(r.donor));
      const { sql, params } = buildFundingByCommitmentSql(null);
      const lines = toFundingLines(await ready.engine.query(sql, params));
      return { donors, lines };
    },
  });
}

/** Every donor and every funding line (per commitment, donor and currency). */
export function useFunding() {
  const ready = useReadyEngine();
  return useQuery(
    ready ? fundingQueryOptions(ready) : { queryKey: queryKeys.funding(0), queryFn: skipToken },
  );
}
