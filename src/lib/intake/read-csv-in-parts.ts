import Papa from "papaparse";
import type { Catalog } from "../catalog/schema";
import { isFundingHeader } from "../funding/funding-header";
import type { ObservationColumn } from "../observations/columns";
import { isSdmxCsvHeader } from "../sdmx/read-sdmx-table";
import { createGridChecker, mayHoldHiddenCharacters } from "./check-grid";
import { type ColumnLayout, columnLayout, numberFormatSample } from "./column-layout";
import { csvParts, decodeHead, irregular } from "./csv-parts";
import { detectEncoding, findMixedEncoding } from "./detect-encoding";
import type { Finding } from "./findings";
import type { GridRow } from "./grid";
import { looksLikeHeader, skippedRowsFindings, tableTracker } from "./locate-table";
import { detectNumberFormat, type NumberFormat } from "./number-format";
import { detectDelimiter } from "./read-csv";
import {
  createRowValidator,
  type RowChecker,
  type TableLayout,
  type ValidationResult,
} from "./validate-observations";

/** Files this large are read in parts; smaller ones whole (simpler, and as fast). */
export const partsFromBytes = 16 << 20;
export const defaultPartBytes = 4 << 20;

export interface PartsOptions {
  mapping?: Record<number, ObservationColumn | null>;
  constants?: Partial<Record<ObservationColumn, string>>;
  onProgress?: (fraction: number) => void;
  partBytes: number;
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

/**
 * Reads and checks a large CSV file of observations part by part (see `csvParts`): the text and
 * the grid are never whole in memory, only the checked rows are kept. Gives what reading the
 * file whole gives, and null for whatever it does not handle the same way (an encoding mix,
 * quote problems, a row too wide, no header in the first part, a funding file…): the caller then
 * reads the file whole. `info` receives the notes the whole-file reading would make.
 */
export function readCsvInParts(
  catalog: Catalog,
  file: string,
  bytes: Uint8Array,
  info: Finding[],
  options: PartsOptions,
): PartsOutcome | null {
  const encoding = detectEncoding(bytes, options.partBytes);
  if (encoding === "windows-1252" && findMixedEncoding(bytes)) return null;
  // The delimiter (first 60 lines) and the line ending (first megabyte) are guessed from the start.
  const headBytes = Math.max(options.partBytes, 4 << 20);
  const head = decodeHead(bytes, encoding, headBytes).slice(0, 1 << 20);
  const whole = bytes.length <= headBytes;
  if (!whole && (head.match(/\n/g)?.length ?? 0) < 61) return null;
  const delimiter = detectDelimiter(head);
  const newline = Papa.parse(head, { delimiter, preview: 2 }).meta.linebreak;
  if (newline !== "\n" && newline !== "\r\n") return null;

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

  for (const part of csvParts(bytes, encoding, delimiter, newline, options.partBytes)) {
    if (part === irregular) return null;
    checker.add(part.rows, mayHoldHiddenCharacters(part.text));
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
    options.onProgress?.((0.9 * part.bytesRead) / bytes.length);
  }
  if (!read || records === 0) return null;
  const checked = checking ?? startChecking(read);
  checked.validator.add(waiting);

  info.push({
    severity: "info",
    code: "decoded_as",
    file,
    detail: { encoding, delimiter: delimiter === "\t" ? "tab" : delimiter },
  });
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
