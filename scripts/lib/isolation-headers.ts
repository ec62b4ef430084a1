import { isEmbedPath } from "../../src/lib/embed/embed-path";

/**
 * The headers that make the app's pages cross-origin isolated, so DuckDB-wasm may run its
 * threaded build (SharedArrayBuffer memory shared by its thread workers).
 *
 * `require-corp` rather than `credentialless`: everything the app loads is from its own origin,
 * which neither rule restricts, and `require-corp` is the one every browser with wasm threads
 * knows (Safari has no `credentialless`, so it would stay single-threaded there).
 *
 * Sent on every response, not only on pages: a worker's own script response decides whether the
 * worker is isolated, and DuckDB's worker must be to share memory with its threads.
 *
 * The embed view also says `Cross-Origin-Resource-Policy: cross-origin`: a host page that is
 * itself isolated may then frame it too. Inside a frame the page's COOP is ignored and its COEP
 * only governs what the embed itself loads (all same-origin), so any site can still frame it.
 */
export function isolationHeadersOf(requestPath: string): Record<string, string> {
  return {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    ...(isEmbedPath(requestPath) ? { "Cross-Origin-Resource-Policy": "cross-origin" } : {}),
  };
}
