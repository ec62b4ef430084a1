import type { BenchFiles } from "../generate-bench-data";
import type { Answer, EngineId, QueryId, TableFingerprint } from "./questions";

/** The generated files of one size, with their bytes when the engine reads from memory. */
export interface BenchInput {
  files: BenchFiles;
  /** File contents, one per chunk; empty for engines that read the files themselves. */
  csv: Uint8Array[];
  parquet: Uint8Array[];
}

export type Layout = "unsorted" | "sorted";

/**
 * One engine under test. Ingest methods replace the loaded table; `release` drops it (untimed)
 * so a run never holds two copies. Only the DuckDB engines can sort the table by indicator.
 */
export interface BenchEngine {
  id: EngineId;
  /** DuckDB's `threads` setting (the DuckDB engines; the JavaScript ones run on one thread). */
  threads?: number;
  /** Start as the engine timed it (the browser engine: in the page, without Chromium's launch). */
  startMs?: number;
  /**
   * The last ingest's, query's or sort's duration as the engine timed it, in place of the Node
   * clock around the call (the browser engine: the page's clock, without the protocol's round trip).
   */
  lastDurationMs?: () => number | null;
  /** Peak resident memory of what runs the engine when that is not this process (Chromium). */
  peakRssMb?: () => number;
  /**
   * The table from Parquet defers work to the queries (Arquero keeps Arrow columns and decodes
   * strings on access): the benchmark then also times the queries on that table.
   */
  lazyParquet?: boolean;
  /** Library or engine version, for the report. */
  version(): Promise<string>;
  ingestCsv(): Promise<void>;
  ingestParquet(): Promise<void>;
  release(): Promise<void>;
  fingerprint(): Promise<TableFingerprint>;
  /** DuckDB only: the table sorted by indicator_id, period, so zone maps can skip row groups. */
  sorted?: {
    /** From the loaded table: CREATE TABLE … AS SELECT * FROM obs ORDER BY … (both held at once). */
    copy(): Promise<void>;
    /** Straight from the CSV bytes in one statement (after `release`, so only one table exists). */
    ingestCsv(): Promise<void>;
    drop(): Promise<void>;
  };
  query(question: QueryId, layout: Layout): Promise<Answer>;
  close(): Promise<void>;
}
