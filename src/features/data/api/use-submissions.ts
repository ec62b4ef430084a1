import { queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { useReadyEngine } from "@/lib/query/engine-status";
import { queryKeys } from "@/lib/query/query-keys";
import type { SubmissionMeta, SubmissionStore } from "@/lib/submissions/submission";

export function submissionsQueryOptions(store: SubmissionStore, dataVersion: number) {
  return queryOptions({
    queryKey: queryKeys.submissions(dataVersion),
    queryFn: async (): Promise<SubmissionMeta[]> => (await store.list()).reverse(),
  });
}

/** Every accepted submission, newest first, undone ones included (history stays). */
export function useSubmissions() {
  const ready = useReadyEngine();
  return useQuery(
    ready
      ? submissionsQueryOptions(ready.store, ready.dataVersion)
      : { queryKey: queryKeys.submissions(0), queryFn: skipToken },
  );
}
