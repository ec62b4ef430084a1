import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Engine } from "../db/engine";
import type { AcceptedFile } from "../observations/provenance";
import type { SubmissionStore } from "../submissions/submission";
import { acceptedScopesSql } from "../submissions/submission-sql";
import { observationsDataset } from "../tables/table-descriptors";
import { useReadyEngine } from "./engine-status";
import { queryKeys } from "./query-keys";

type AcceptedByScope = Map<string, AcceptedFile>;
/** Which accepted file supplies an indicator's period, if any. */
export type AcceptedLookup = (indicatorId: string, period: string) => AcceptedFile | undefined;
const scopeKey = (indicatorId: string, period: string) => `${indicatorId}\u0000${period}`;

export function acceptedFilesQueryOptions(
  engine: Engine,
  store: SubmissionStore,
  dataVersion: number,
) {
  return queryOptions({
    queryKey: queryKeys.acceptedFiles(dataVersion),
    queryFn: async (): Promise<AcceptedByScope> => {
      const [rows, metas] = await Promise.all([
        engine.query(acceptedScopesSql(observationsDataset)),
        store.list().catch(() => []),
      ]);
      const bySeq = new Map(metas.map((m) => [m.seq, m]));
      const map: AcceptedByScope = new Map();
      for (const row of rows) {
        const meta = bySeq.get(Number(row.submission_seq));
        map.set(scopeKey(String(row.indicator_id), String(row.period)), {
          fileName: meta?.fileName ?? "",
          acceptedAt: meta?.acceptedAt ?? "",
        });
      }
      return map;
    },
  });
}

/**
 * Which accepted file, if any, supplies an indicator's period in this browser. Before the engine
 * is ready nothing is known to be accepted (the first screen comes from the published data).
 */
export function useAcceptedFiles(): (
  indicatorId: string,
  period: string,
) => AcceptedFile | undefined {
  const ready = useReadyEngine();
  const { data } = useQuery(
    ready
      ? acceptedFilesQueryOptions(ready.engine, ready.store, ready.dataVersion)
      : { queryKey: queryKeys.acceptedFiles(0), queryFn: skipToken },
  );
  return useCallback(
    (indicatorId: string, period: string) => data?.get(scopeKey(indicatorId, period)),
    [data],
  );
}
