import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchRelease, fetchReleaseFile, releasesIndex } from "@/lib/published/releases-client";
import { queryKeys } from "@/lib/query/query-keys";
import { releaseChanges } from "@/lib/releases/release-formats";
import { releaseFiles } from "@/lib/releases/release-paths";

const indexQuery = queryOptions({ queryKey: queryKeys.releases(), queryFn: releasesIndex });

/** Every published release, oldest first (null: none yet). */
export function useReleases() {
  return useQuery(indexQuery);
}

/** One release: its manifest and what changed in it, each checked against its hash. */
export function releaseQueryOptions(version: string) {
  return queryOptions({
    queryKey: queryKeys.release(version),
    queryFn: async () => {
      const index = await releasesIndex();
      if (!index) return null;
      const release = await fetchRelease(index, version);
      const changes = releaseChanges.parse(
        JSON.parse(new TextDecoder().decode(await fetchReleaseFile(release, releaseFiles.changes))),
      );
      return { release, changes };
    },
  });
}

export function useRelease(version: string) {
  return useQuery(releaseQueryOptions(version));
}
