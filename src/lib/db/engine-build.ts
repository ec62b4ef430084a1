/**
 * Which DuckDB-wasm build runs and with how many threads. DuckDB-wasm ships three builds: `mvp`
 * and `eh` run on one thread; `coi` runs DuckDB's worker threads as Web Workers sharing one
 * memory, which browsers allow only on a cross-origin isolated page (the server sends
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`).
 */
export type EngineBuildName = "coi" | "eh" | "mvp";

export interface EngineBuild {
  name: EngineBuildName;
  /** DuckDB's `threads` setting as the engine reports it (1 for the single-threaded builds). */
  threads: number;
  /**
   * The build's own files as absolute URLs (its wasm, its worker, the threaded build's thread
   * worker), so the offline cache keeps this build and not the two a deployment never runs.
   */
  files: readonly string[];
}

/**
 * Most threads the threaded build is given. The build starts four thread workers ahead of time
 * (Emscripten's pool); beyond that each further thread is a new worker with its own copy of the
 * 34 MB module, and dashboard queries on at most a few million rows gain little from more.
 */
export const maxEngineThreads = 4;

/**
 * Threads for the threaded build on a machine that reports `hardwareConcurrency` logical cores:
 * all of them up to `maxEngineThreads`, at least 1 (a browser may hide the count).
 */
export function engineThreadsFor(hardwareConcurrency: number | undefined): number {
  if (hardwareConcurrency === undefined || !Number.isFinite(hardwareConcurrency)) return 1;
  return Math.max(1, Math.min(maxEngineThreads, Math.floor(hardwareConcurrency)));
}

/** Which build a bundle is, from the wasm file it loads (Vite keeps the name before the hash). */
export function engineBuildNameOf(mainModuleUrl: string): EngineBuildName {
  const file = mainModuleUrl.split(/[?#]/)[0]?.split("/").at(-1) ?? "";
  if (file.startsWith("duckdb-coi")) return "coi";
  if (file.startsWith("duckdb-eh")) return "eh";
  return "mvp";
}
