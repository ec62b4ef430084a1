/** What the browser reports of one file the page loaded (PerformanceResourceTiming). */
export interface LoadedResource {
  name: string;
  /** 206 for a byte-range read; 0 or absent where the browser does not say. */
  responseStatus?: number;
}

/**
 * The files a first visit loaded before its service worker took control, for the worker to keep:
 * the app's own built files and published data, each once. Files read by byte range (a large
 * regional dataset) are left to the network: keeping one would download it whole. `engineFiles`
 * are the data engine's build (its worker fetched them, so the page's list does not show them);
 * the worker precaches no engine build, since a deployment runs one of the three.
 */
export function urlsToWarm(
  loaded: readonly LoadedResource[],
  appBase: string,
  engineFiles: readonly string[] = [],
): string[] {
  const base = new URL(appBase);
  const kept = [new URL("assets/", base).href, new URL("data/", base).href];
  const rangeRead = new Set(
    loaded.filter((r) => r.responseStatus === 206).map((r) => withoutHash(r.name)),
  );
  const urls = [...loaded.map((r) => withoutHash(r.name)), ...engineFiles.map(withoutHash)].filter(
    (url) => kept.some((prefix) => url.startsWith(prefix)) && !rangeRead.has(url),
  );
  return [...new Set(urls)];
}

function withoutHash(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}
