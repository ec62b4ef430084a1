/** The page's used JS heap and each worker's, by the URL of the worker's script, bytes. */
export interface HeapParts {
  page: number;
  workers: { url: string; bytes: number }[];
}

/** The same heap by who holds it, MB. */
export interface HeapShares {
  pageMb: number;
  intakeMb: number;
  /** DuckDB-wasm's worker and, in its threaded build, its pool of thread workers. */
  engineMb: number;
  engineWorkers: number;
  otherMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * Splits a peak of the JS heap between the page, the intake worker and DuckDB's workers, by the
 * file name of each worker's script (`intake.worker-….js`; `duckdb-browser-….worker-….js` and
 * DuckDB's thread workers). DuckDB-wasm's threaded build starts a pool of four thread workers
 * whatever the file, so its share is mostly a fixed cost, not one of the file.
 */
export function heapShares(parts: HeapParts): HeapShares {
  let intake = 0;
  let engine = 0;
  let engineWorkers = 0;
  let other = 0;
  for (const { url, bytes } of parts.workers) {
    const file = url.split(/[?#]/)[0]?.split("/").pop() ?? "";
    if (/intake/i.test(file)) intake += bytes;
    else if (/duckdb/i.test(file)) {
      engine += bytes;
      engineWorkers++;
    } else other += bytes;
  }
  return {
    pageMb: mb(parts.page),
    intakeMb: mb(intake),
    engineMb: mb(engine),
    engineWorkers,
    otherMb: mb(other),
  };
}
