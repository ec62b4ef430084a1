import type { Observation, ObservationColumn } from "../observations/columns";
import type { IntakeResult } from "./inspect-file";

export interface InspectRequest {
  type: "inspect";
  fileName: string;
  bytes: Uint8Array;
  mapping?: Record<number, ObservationColumn | null>;
  constants?: Partial<Record<ObservationColumn, string>>;
  sheet?: string;
}

/** Load the Parquet codec now, while no file is waiting (see `prepareIntakeWorker`). */
export interface LoadParquetRequest {
  type: "load-parquet";
}

export type ToWorker = InspectRequest | LoadParquetRequest;

/** What the page gets back: the checks, a preview, and the valid rows as Arrow IPC for DuckDB. */
export interface Inspection {
  result: Omit<IntakeResult, "observations" | "funding">;
  preview: Observation[];
  rows: number;
  ipc: Uint8Array;
  /** The spreadsheet row of each row of `ipc`, in its order (0 when unknown), for plausibility. */
  rowNumbers: Int32Array;
  /** True when the worker goes on to encode the rows as Parquet for storage ("stored"). */
  storing: boolean;
  checksum: string;
  seconds: number;
  /** Milliseconds of each step in the worker: hashing the file, checking it, building the Arrow. */
  steps: { hash: number; check: number; arrow: number };
}

export type FromWorker =
  | { type: "progress"; fraction: number }
  | { type: "done"; inspection: Inspection }
  | { type: "stored"; parquet: Uint8Array }
  | { type: "failed"; message: string };
