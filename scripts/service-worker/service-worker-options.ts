/**
 * What the service worker keeps for offline use, and how (Workbox's generateSW options).
 * - Precached at install: the page (as the offline fallback for every route) and every hashed
 *   file under assets/ except DuckDB's three builds (mvp, eh, coi: 33–38 MB of wasm each). A page
 *   runs one of them, chosen by the browser and the host's headers; the page names it to the
 *   worker, which keeps that one (register-service-worker.ts), so a field office's first visit
 *   no longer downloads a second 33 MB build it never runs. Hashed files are fetched
 *   through the HTTP cache (they are immutable), so what the page just downloaded is not fetched
 *   again, and an update downloads only the files whose names changed.
 * - Navigations: network first, kept as one copy of the page (every route is the same app); with
 *   no network and no copy yet, the precached page.
 * - data/: network first (a connected user gets the newest release), the last copy seen when the
 *   network fails. Byte-range reads of a large regional file go to the network only.
 * - assets/ not precached: cache first (their names change with their content).
 */
import type { GenerateSWOptions, GetManifestOptions, RuntimeCaching } from "workbox-build";

export const serviceWorkerFile = "sw.js";
export const cacheNames = { pages: "gcm-pages", data: "gcm-data", assets: "gcm-assets" } as const;

/** parquet-wasm is 4.8 MB; Workbox's default limit (2 MB) would silently leave it out. */
const largestPrecachedFile = 64 * 1024 * 1024;
/** Past this a hanging connection ("lie-fi") is treated as none: the cached copy answers. */
const networkTimeoutSeconds = 10;

export const precacheFiles: Pick<
  GetManifestOptions,
  "globPatterns" | "globIgnores" | "dontCacheBustURLsMatching" | "maximumFileSizeToCacheInBytes"
> = {
  globPatterns: ["index.html", "favicon.svg", "assets/**/*"],
  globIgnores: ["**/*.br", "**/*.gz", "assets/duckdb-*.wasm", "assets/duckdb-browser-*.js"],
  // Vite puts a content hash in every name under assets/.
  dontCacheBustURLsMatching: /^assets\//,
  maximumFileSizeToCacheInBytes: largestPrecachedFile,
};

// The matchers below are copied into the service worker as source text (Workbox stringifies
// them), so they use nothing but their argument and the worker's own `location` (sw.js sits at
// the app's base, so "data/" beside it is the app's data folder).

interface MatchInput {
  url: URL;
  request: Request;
  sameOrigin: boolean;
}

/**
 * Every page but the embed view: another site frames that one, and it must always come from the
 * network with its own headers (the one cached copy of the page carries another route's, which
 * forbid framing). A site showing an embed is online anyway.
 */
export const isNavigation = ({ request, url }: MatchInput): boolean =>
  request.mode === "navigate" && !/\/[a-z]{2}\/embed\/indicators\//.test(url.pathname);

export const isPublishedData = ({ url, request, sameOrigin }: MatchInput): boolean =>
  sameOrigin &&
  !request.headers.has("range") &&
  url.pathname.startsWith(new URL("data/", location.href).pathname);

export const isBuiltAsset = ({ url, sameOrigin }: MatchInput): boolean =>
  sameOrigin && url.pathname.startsWith(new URL("assets/", location.href).pathname);

/** Every route is the same single-page app: one cached copy, the latest, answers them all. */
export const oneKeyForEveryPage = async (): Promise<string> =>
  new URL("index.html", location.href).href;

export const runtimeCaching: RuntimeCaching[] = [
  {
    urlPattern: isNavigation,
    handler: "NetworkFirst",
    options: {
      cacheName: cacheNames.pages,
      networkTimeoutSeconds,
      cacheableResponse: { statuses: [200] },
      plugins: [{ cacheKeyWillBeUsed: oneKeyForEveryPage }],
      // Offline before any page was kept: the page this worker was built with.
      precacheFallback: { fallbackURL: "index.html" },
    },
  },
  {
    urlPattern: isPublishedData,
    handler: "NetworkFirst",
    options: {
      cacheName: cacheNames.data,
      networkTimeoutSeconds,
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 100, purgeOnQuotaError: true },
    },
  },
  {
    urlPattern: isBuiltAsset,
    handler: "CacheFirst",
    options: {
      cacheName: cacheNames.assets,
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 100, purgeOnQuotaError: true },
    },
  },
];

/** The generateSW options for a build written to `outDir`. */
export function serviceWorkerOptions(outDir: string): GenerateSWOptions {
  return {
    globDirectory: outDir,
    swDest: `${outDir}/${serviceWorkerFile}`,
    ...precacheFiles,
    // "/" would otherwise be answered from the precache, cache first: the page stays network first.
    directoryIndex: null,
    runtimeCaching,
    // The first visit is controlled at once, so what it loaded can be kept; an update waits until
    // the user asks for it (the page sends SKIP_WAITING).
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    // Workbox's own code goes inside sw.js: nothing is imported from elsewhere, no CDN.
    inlineWorkboxRuntime: true,
    mode: "production",
    sourcemap: false,
    disableDevLogs: true,
  };
}
