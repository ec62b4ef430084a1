import type { Engine } from "../db/engine";
import type { FundingRecord } from "../funding/funding-columns";
import type { Observation, ObservationColumn } from "../observations/columns";
import type { ParquetWasm } from "../parquet/parquet-codec";
import type { FileFormat } from "./file-kind";
import type { Finding } from "./findings";
import type { Fix } from "./fix-log";

export interface IntakeOptions {
  /** Canonical column chosen by hand for a header cell (by index); null ignores it. */
  mapping?: Record<number, ObservationColumn | null>;
  /** Values for every row, e.g. the indicator when the file has no indicator column. */
  constants?: Partial<Record<ObservationColumn, string>>;
  /** XLSX: the sheet to read; by default the first with a recognisable table. */
  sheet?: string;
  /** Called as the work advances, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Needed for Parquet files. */
  parquet?: ParquetWasm;
  /**
   * Read CSV in parts of this many bytes. By default files of 16 MB or more are read in 64 KB
   * parts, so that their whole text and grid are never in memory at once.
   */
  partBytes?: number;
  /**
   * Check Parquet in parts of this many rows. By default files of 100,000 rows or more are
   * checked 65,536 rows at a time, so that their rows never exist all at once as text.
   */
  partRows?: number;
  /**
   * Not yet the default: runs the row rules as set-based SQL in this DuckDB engine
   * (src/lib/intake/sql) instead of JavaScript, with the same findings. Long tables only: a wide
   * file keeps the JavaScript rules. A large CSV file is still read in parts, each part's rows
   * staged as dictionary ids.
   */
  sqlRowRules?: Engine;
}

export interface IntakeResult {
  file: string;
  format: FileFormat | null;
  sheets: string[];
  sheet: string | null;
  header: string[];
  headerRow: number;
  columns: (ObservationColumn | null)[];
  findings: Finding[];
  fixes: Fix[];
  observations: Observation[];
  /** What the file holds: statistics, or a donor's funding. */
  kind: "observations" | "funding";
  funding: FundingRecord[];
  errors: number;
  warnings: number;
}

/** Where in the file the table was read: its format and, for a workbook, its sheets. */
export type FilePlace = Pick<IntakeResult, "format" | "sheets" | "sheet">;

/** A stage that found the file cannot go further: what it found, and what it knew so far. */
export interface Stopped {
  stop: Finding[];
  known?: Partial<IntakeResult>;
}

export const isStopped = (outcome: object): outcome is Stopped => "stop" in outcome;

/** The result of an inspection, its counts taken from its findings. */
export function intakeResult(
  file: string,
  known: Partial<IntakeResult>,
  findings: Finding[],
): IntakeResult {
  return {
    file,
    format: null,
    sheets: [],
    sheet: null,
    header: [],
    headerRow: 1,
    columns: [],
    fixes: [],
    observations: [],
    kind: "observations",
    funding: [],
    ...known,
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}
