import type { ColumnValues } from "./columns-to-ipc";

/** A value that can be bound to a `?` placeholder. Values never reach SQL as text. */
export type SqlParam = string | number | boolean | null;

/** A row as plain JavaScript values (BIGINT and DECIMAL arrive as numbers). */
export type Row = Record<string, unknown>;

/**
 * The only way the rest of the app talks to DuckDB. The browser implementation runs
 * DuckDB-wasm in a Web Worker; the Node one runs the same wasm in-process for tests and the CLI.
 */
export interface Engine {
  /** Runs one statement; with params it is prepared and closed again. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Runs statements that return nothing worth reading (DDL, SET, INSERT). */
  exec(sql: string): Promise<void>;
  /** Result of a query as an Arrow IPC stream, e.g. to write Parquet from it. */
  queryArrowIpc(sql: string, params?: readonly SqlParam[]): Promise<Uint8Array>;
  /** Creates a table from typed columns built in JavaScript (validated uploads, generated data). */
  insertColumns(table: string, columns: Record<string, ColumnValues>): Promise<void>;
  /** Creates a table from an Arrow IPC stream. */
  insertArrowIpc(table: string, ipc: Uint8Array): Promise<void>;
  /** Makes bytes readable by name, e.g. `read_csv('upload.csv')`. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** DuckDB's own version string, shown in the status bar. */
  version(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The engine's worker died (an uncaught error in it): this call and every later one fail with
 * this error, and the app starts a new engine and loads the data again.
 */
export class EngineCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineCrashedError";
  }
}

/**
 * Above this much change since the last checkpoint, DuckDB checkpoints on commit. An in-memory
 * database checkpoints too (since DuckDB 1.4: it vacuums deleted rows), and at the default 16 MiB
 * accepting a file of 100,000 rows paid for one inside the officer's wait (about 400 ms of a
 * 800 ms accept, in Node). Raised above what one file changes; after a change, the app
 * checkpoints once the page is idle instead (`checkpointAfterChange`).
 */
export const checkpointThreshold = "256MiB";

/**
 * Settings every engine starts with. Extension autoload must be off: Parquet and JSON are not
 * built into DuckDB-wasm, and an autoload would try the network (and hang forever under Node).
 */
export const engineStartupSql = [
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  `SET checkpoint_threshold = '${checkpointThreshold}'`,
];
