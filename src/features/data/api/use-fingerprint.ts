import { skipToken, useQuery } from "@tanstack/react-query";
import { useReadyEngine } from "@/lib/query/engine-status";
import { queryKeys } from "@/lib/query/query-keys";
import { acceptedFingerprint } from "@/lib/submissions/submission-service";

/** The fingerprint of the accepted data in effect (rows and SHA-256), refreshed when they change. */
export function useAcceptedFingerprint() {
  const ready = useReadyEngine();
  return useQuery({
    queryKey: queryKeys.fingerprint(ready?.dataVersion ?? 0),
    queryFn: ready ? () => acceptedFingerprint(ready.engine) : skipToken,
  });
}
