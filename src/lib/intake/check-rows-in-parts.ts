import type { Catalog } from "../catalog/schema";
import { isFundingHeader } from "../funding/funding-header";
import type { ObservationColumn } from "../observations/columns";
import { isSdmxCsvHeader } from "../sdmx/read-sdmx-table";
import { createGridChecker } from "./check-grid";
import { type ColumnLayout, columnLayout, numberFormatSample } from "./column-layout";
import type { Finding } from "./findings";
import type { GridRow } from "./grid";
import { looksLikeHeader, skippedRowsFindings, tableTracker } from "./locate-table";
import { detectNumberFormat, type NumberFormat } from "./number-format";
import type { Delimiter } from "./read-csv";
import {
  createRowValidator,
  type RowChecker,
  type TableLayout,
  type ValidationResult,
} from "./validate-observations";

export interface PartsOptions {
  mapping?: Record<number, ObservationColumn | null>;
  constants?: Partial<Record<ObservationColumn, string>>;
  onProgress?: (fraction: number) => void;
  /** What checks the rows; by default the JavaScript rules. */
  rowChecker?: (layout: TableLayout) => RowChecker;
}

export interface ReadTable {
  header: string[];
  headerRow: number;
  columns: (ObservationColumn | null)[];
  periodColumns: number[];
}

/** Stopped by errors in the cells, or read and checked. */
export type PartsOutcome =
  | { kind: "stopped"; findings: Finding[] }
  | ({
      kind: "validated";
      numberFormat: NumberFormat;
      validation: ValidationResult | Promise<ValidationResult>;
    } & ReadTable);

/** Some of a file's rows, in order, numbered as in the whole file. */
export interface RowsPart {
  rows: GridRow[];
  /** False when the part's text is known to hold no hidden character (then cells are not scanned). */
  mayHoldHidden: boolean;
  /** How much of the file has been read, 0 to 1. */
  fraction: number;
}

/**
 * Locates, maps and checks a table whose rows come part by part (a large CSV file, a large
 * Parquet file): only the checked rows are kept, never the whole grid. Gives what the stages give
 * for the whole grid, and null for whatever they do not handle the same way (a part that cannot
 * be read alone, a row too wide, no header in the first part, a funding or SDMX file, no data
 * rows): the caller then reads the file whole. `info` receives the notes of the whole reading.
 */
export function checkRowsInParts(
  catalog: Catalog,
  file: string,
  parts: Iterable<RowsPart | null>,
  delimiter: Delimiter | null,
  info: Finding[],
  options: PartsOptions,
): PartsOutcome | null {
  const checker = createGridChecker(file);
  const table = tableTracker(looksLikeHeader);
  let read: (ReadTable & ColumnLayout) | null = null;
  let records = 0;
  let waiting: GridRow[] = [];
  const values: string[] = [];
  let checking: { validator: RowChecker; numberFormat: NumberFormat } | null = null;
  const startChecking = (layout: ReadTable) => {
    const numberFormat = detectNumberFormat(values.slice(0, numberFormatSample), delimiter);
    const tableLayout: TableLayout = {
      ...layout,
      file,
      constants: options.constants ?? {},
      decimal: numberFormat.decimal,
    };
    const validator = options.rowChecker
      ? options.rowChecker(tableLayout)
      : createRowValidator(catalog, tableLayout);
    return { validator, numberFormat };
  };

  for (const part of parts) {
    if (part === null) return null;
    checker.add(part.rows, part.mayHoldHidden);
    if (checker.tooWide()) return null;
    for (const row of part.rows) {
      for (const record of table.place(row)) {
        records++;
        waiting.push(record);
        if (!checking && read && values.length < numberFormatSample)
          for (const i of read.valueColumns) values.push(record.cells[i] ?? "");
      }
      const header = table.header();
      if (!read && header) {
        const cells = header.cells.map((h) => h.trim());
        read = { header: cells, headerRow: header.row, ...columnLayout(cells, options.mapping) };
      }
    }
    // The header must be in the first part; otherwise the whole-file rules decide.
    if (!read || isFundingHeader(read.header) || isSdmxCsvHeader(read.header)) return null;
    if (!checking && values.length >= numberFormatSample) checking = startChecking(read);
    if (checking) {
      checking.validator.add(waiting);
      waiting = [];
    }
    options.onProgress?.(0.9 * part.fraction);
  }
  if (!read || records === 0) return null;
  const checked = checking ?? startChecking(read);
  checked.validator.add(waiting);

  const gridFindings = checker.findings();
  if (gridFindings.some((f) => f.code !== "control_character"))
    return { kind: "stopped", findings: gridFindings };
  info.push(...gridFindings);
  info.push(
    ...skippedRowsFindings(
      file,
      table.titleRows(),
      table.notes().map((r) => r.row),
    ),
  );
  return {
    kind: "validated",
    header: read.header,
    headerRow: read.headerRow,
    columns: read.columns,
    periodColumns: read.periodColumns,
    numberFormat: checked.numberFormat,
    validation: checked.validator.finish(),
  };
}
