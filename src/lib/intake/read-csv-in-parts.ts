import Papa from "papaparse";
import type { Catalog } from "../catalog/schema";
import { isFundingHeader } from "../funding/funding-header";
import type { ObservationColumn } from "../observations/columns";
import { createGridChecker, mayHoldHiddenCharacters } from "./check-grid";
import { csvParts, decodeHead, irregular } from "./csv-parts";
import { detectEncoding, findMixedEncoding } from "./detect-encoding";
import type { Finding } from "./findings";
import { type GridRow, isBlank } from "./grid";
import { mapHeader } from "./header-map";
import { filled, looksLikeHeader, skippedRowsFindings } from "./locate-table";
import { detectNumberFormat, type NumberFormat } from "./number-format";
import { detectDelimiter } from "./read-csv";
import {
  createRowValidator,
  type RowValidator,
  type ValidationResult,
} from "./validate-observations";
import { widePeriodColumns } from "./wide-layout";

/** Files this large are read in parts; smaller ones whole (simpler, and as fast). */
export const partsFromBytes = 16 << 20;
export const defaultPartBytes = 4 << 20;
/** The first 50,000 values decide how numbers are written, as when the file is read whole. */
const formatSample = 50_000;

export interface PartsOptions {
  mapping?: Record<number, ObservationColumn | null>;
  constants?: Partial<Record<ObservationColumn, string>>;
  onProgress?: (fraction: number) => void;
  partBytes: number;
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
  | ({ kind: "validated"; numberFormat: NumberFormat; validation: ValidationResult } & ReadTable);

interface Layout extends ReadTable {
  valueColumns: number[];
}

function layoutOf(headerRow: GridRow, mapping: PartsOptions["mapping"]): Layout {
  const header = headerRow.cells.map((h) => h.trim());
  const periodColumns = widePeriodColumns(header);
  const columns = mapHeader(header).map((c, i) =>
    mapping && i in mapping ? (mapping[i] ?? null) : c,
  );
  const valueIndex = columns.indexOf("value");
  const valueColumns =
    periodColumns.length > 0 ? periodColumns : valueIndex >= 0 ? [valueIndex] : [];
  return { header, headerRow: headerRow.row, columns, periodColumns, valueColumns };
}

/** Where the header, titles, data rows and trailing notes are, decided row by row. */
function tableTracker() {
  const titleRows: number[] = [];
  let layout: Layout | null = null;
  let pending: GridRow[] = [];
  return {
    titleRows,
    layout: () => layout,
    notes: () => pending,
    /** The data rows this row settles: none while it may still be a note. */
    place(row: GridRow, mapping: PartsOptions["mapping"]): GridRow[] {
      if (isBlank(row)) return [];
      if (!layout) {
        if (looksLikeHeader(row)) layout = layoutOf(row, mapping);
        else titleRows.push(row.row);
        return [];
      }
      // Rows with fewer than two filled cells after the last full row are notes, not data.
      if (filled(row) < 2) {
        pending.push(row);
        return [];
      }
      const settled = [...pending, row];
      pending = [];
      return settled;
    },
  };
}

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
  const table = tableTracker();
  let records = 0;
  let waiting: GridRow[] = [];
  const values: string[] = [];
  let checking: { validator: RowValidator; numberFormat: NumberFormat } | null = null;
  const startChecking = (layout: Layout) => {
    const numberFormat = detectNumberFormat(values.slice(0, formatSample), delimiter);
    const validator = createRowValidator(catalog, {
      file,
      header: layout.header,
      headerRow: layout.headerRow,
      columns: layout.columns,
      constants: options.constants ?? {},
      periodColumns: layout.periodColumns,
      decimal: numberFormat.decimal,
    });
    return { validator, numberFormat };
  };

  for (const part of csvParts(bytes, encoding, delimiter, newline, options.partBytes)) {
    if (part === irregular) return null;
    checker.add(part.rows, mayHoldHiddenCharacters(part.text));
    if (checker.tooWide()) return null;
    for (const row of part.rows) {
      for (const record of table.place(row, options.mapping)) {
        records++;
        waiting.push(record);
        const layout = table.layout();
        if (!checking && layout && values.length < formatSample)
          for (const i of layout.valueColumns) values.push(record.cells[i] ?? "");
      }
    }
    const layout = table.layout();
    // The header must be in the first part; otherwise the whole-file rules decide.
    if (!layout || isFundingHeader(layout.header)) return null;
    if (!checking && values.length >= formatSample) checking = startChecking(layout);
    if (checking) {
      checking.validator.add(waiting);
      waiting = [];
    }
    options.onProgress?.((0.9 * part.bytesRead) / bytes.length);
  }
  const layout = table.layout();
  if (!layout || records === 0) return null;
  const checked = checking ?? startChecking(layout);
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
      table.titleRows,
      table.notes().map((r) => r.row),
    ),
  );
  return {
    kind: "validated",
    header: layout.header,
    headerRow: layout.headerRow,
    columns: layout.columns,
    periodColumns: layout.periodColumns,
    numberFormat: checked.numberFormat,
    validation: checked.validator.finish(),
  };
}
