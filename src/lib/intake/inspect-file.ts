import type { Catalog } from "../catalog/schema";
import type { FundingRecord } from "../funding/funding-columns";
import { isFundingHeader, mapFundingHeader } from "../funding/funding-header";
import { validateFunding } from "../funding/validate-funding";
import type { Observation, ObservationColumn } from "../observations/columns";
import type { ParquetWasm } from "../parquet/parquet-codec";
import { isSdmxCsvHeader, readSdmxTable } from "../sdmx/read-sdmx-table";
import { checkGrid, columnLetter, mayHoldHiddenCharacters } from "./check-grid";
import { columnLayout, numberFormatSample } from "./column-layout";
import { decodeText, findMixedEncoding } from "./detect-encoding";
import {
  detectFormat,
  type FileFormat,
  formatNames,
  misleadingExtension,
  unsupportedKind,
} from "./file-kind";
import type { Finding } from "./findings";
import type { Fix } from "./fix-log";
import type { Grid } from "./grid";
import { mapHeader } from "./header-map";
import { maxColumns, maxFileBytes, maxXlsxUnpackedBytes } from "./limits";
import { locateTable, skippedRowsFindings } from "./locate-table";
import { detectNumberFormat, type NumberFormat } from "./number-format";
import { type Delimiter, detectDelimiter, firstRowWiderThan, readCsvGrid } from "./read-csv";
import {
  defaultPartBytes,
  partsFromBytes,
  type ReadTable,
  readCsvInParts,
} from "./read-csv-in-parts";
import { readParquetGrid } from "./read-parquet-grid";
import { declaredXmlBytes, readXlsx } from "./read-xlsx";
import { subgroupExceedsTotal, unusualJumps } from "./series-checks";
import { type ValidationResult, validatePrepared } from "./validate-observations";

export { detectFormat, type FileFormat, maxFileBytes };

export interface IntakeOptions {
  /** Canonical column chosen by hand for a header cell (by index); null ignores it. */
  mapping?: Record<number, ObservationColumn | null>;
  /** Values for every row, e.g. the indicator when the file has no indicator column. */
  constants?: Partial<Record<ObservationColumn, string>>;
  /** XLSX: the sheet to read; by default the first with a recognisable table. */
  sheet?: string;
  /** Accepted observations the year-on-year check compares with, or a way to fetch those of some indicators. */
  history?: readonly Observation[] | ((indicatorIds: string[]) => Promise<readonly Observation[]>);
  /** Called as the work advances, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Needed for Parquet files. */
  parquet?: ParquetWasm;
  /**
   * Read CSV in parts of this many bytes. By default files of 16 MB or more are read in 4 MB
   * parts, so that their whole text and grid are never in memory at once.
   */
  partBytes?: number;
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

/** How numbers were read; a guess is a warning the officer confirms. */
function numberFormatFinding(file: string, format: NumberFormat): Finding {
  return {
    severity: format.guessed ? "warning" : "info",
    code: format.guessed ? "number_format_guessed" : "number_format",
    file,
    detail: { decimal: format.decimal },
  };
}

/**
 * Canonical columns that more than one header cell maps to (e.g. «valor» and «value»): which one
 * holds the data cannot be guessed, so each later one is an error naming the first.
 */
function duplicateColumns(
  file: string,
  header: readonly string[],
  headerRow: number,
  columns: readonly (string | null)[],
  skip: readonly number[] = [],
): Finding[] {
  const first = new Map<string, number>();
  const skipped = new Set(skip);
  const findings: Finding[] = [];
  const name = (i: number) => header[i] || columnLetter(i);
  columns.forEach((column, i) => {
    if (column === null || skipped.has(i)) return;
    const earlier = first.get(column);
    if (earlier === undefined) first.set(column, i);
    else
      findings.push({
        severity: "error",
        code: "duplicate_column",
        file,
        row: headerRow,
        column: name(i),
        detail: { column, first: name(earlier) },
      });
  });
  return findings;
}

function result(file: string, partial: Partial<IntakeResult>, findings: Finding[]): IntakeResult {
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
    ...partial,
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

interface GridRead {
  grid: Grid;
  delimiter: Delimiter | null;
  sheets: string[];
  sheet: string | null;
  /** Errors found while reading that make the grid unsafe or meaningless to go on with. */
  problems: Finding[];
  /** False when a cheap test over the whole text showed that no cell holds a hidden character. */
  scanCharacters: boolean;
}

const unread = (problems: Finding[]): GridRead => ({
  grid: [],
  delimiter: null,
  sheets: [],
  sheet: null,
  problems,
  scanCharacters: false,
});

function readCsv(file: string, bytes: Uint8Array, info: Finding[]): GridRead {
  const { text, encoding } = decodeText(bytes);
  if (encoding === "windows-1252") {
    const mixed = findMixedEncoding(bytes);
    if (mixed)
      return unread([
        {
          severity: "error",
          code: "mixed_encoding",
          file,
          row: mixed.otherRow,
          detail: { utf8Row: mixed.utf8Row },
        },
      ]);
  }
  const delimiter = detectDelimiter(text);
  info.push({
    severity: "info",
    code: "decoded_as",
    file,
    detail: { encoding, delimiter: delimiter === "\t" ? "tab" : delimiter },
  });
  const wide = firstRowWiderThan(text, delimiter, maxColumns);
  if (wide !== null)
    return unread([
      {
        severity: "error",
        code: "too_many_columns",
        file,
        row: wide,
        detail: { limit: maxColumns },
      },
    ]);
  const { grid, quoteProblems } = readCsvGrid(text, delimiter);
  return {
    grid,
    delimiter,
    sheets: [],
    sheet: null,
    problems: quoteProblems.map((p) => ({ severity: "error", code: p.code, file, row: p.row })),
    scanCharacters: mayHoldHiddenCharacters(text),
  };
}

async function readGrid(
  file: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: IntakeOptions,
  info: Finding[],
): Promise<GridRead> {
  if (format === "parquet") {
    if (!options.parquet) throw new Error("Parquet decoder not loaded");
    return {
      grid: readParquetGrid(options.parquet, bytes),
      delimiter: null,
      sheets: [],
      sheet: null,
      problems: [],
      scanCharacters: true,
    };
  }
  if (format === "xlsx") {
    const unpacked = declaredXmlBytes(bytes);
    if (unpacked > maxXlsxUnpackedBytes)
      return unread([
        {
          severity: "error",
          code: "archive_too_large",
          file,
          detail: {
            megabytes: Math.round(unpacked / 1048576),
            limit: maxXlsxUnpackedBytes / 1048576,
          },
        },
      ]);
    const workbook = await readXlsx(bytes);
    const sheets = workbook.sheets.map((s) => s.name);
    const chosen =
      workbook.sheets.find((s) => s.name === options.sheet) ??
      workbook.sheets.find(
        (s) =>
          locateTable(s.grid).header.length > 0 &&
          mapHeader(locateTable(s.grid).header).some((c) => c !== null),
      ) ??
      workbook.sheets[0];
    if (!chosen) return { ...unread([]), sheets };
    info.push({
      severity: "info",
      code: "sheet_used",
      file,
      detail: { sheet: chosen.name, sheets: sheets.join(", ") },
    });
    return {
      grid: chosen.grid,
      delimiter: null,
      sheets,
      sheet: chosen.name,
      problems: [],
      scanCharacters: true,
    };
  }
  return readCsv(file, bytes, info);
}

/**
 * Reads a file the way officers export them (CSV in any common dialect, XLSX, Parquet), finds
 * its table, maps its columns and validates every row. Changes nothing: accepting is separate.
 */
export async function inspectFile(
  catalog: Catalog,
  file: string,
  bytes: Uint8Array,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  if (bytes.byteLength > maxFileBytes) {
    return result(file, {}, [
      {
        severity: "error",
        code: "file_too_large",
        file,
        detail: {
          megabytes: Math.round(bytes.byteLength / 1048576),
          limit: maxFileBytes / 1048576,
        },
      },
    ]);
  }
  if (bytes.byteLength === 0)
    return result(file, {}, [{ severity: "error", code: "empty_file", file }]);
  const kind = unsupportedKind(bytes);
  if (kind !== null)
    return result(file, {}, [
      { severity: "error", code: "unsupported_file", file, detail: { kind } },
    ]);
  const format = detectFormat(bytes);
  const info: Finding[] = [];
  const extension = misleadingExtension(file, format);
  if (extension !== null)
    info.push({
      severity: "warning",
      code: "extension_mismatch",
      file,
      detail: { extension, format: formatNames[format] },
    });
  const partBytes =
    options.partBytes ?? (bytes.byteLength >= partsFromBytes ? defaultPartBytes : null);
  if (format === "csv" && partBytes !== null) {
    const parts = readCsvInParts(catalog, file, bytes, info, {
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.constants ? { constants: options.constants } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      partBytes,
    });
    const where = { format, sheets: [], sheet: null };
    if (parts?.kind === "stopped") return result(file, where, [...info, ...parts.findings]);
    if (parts)
      return finishObservations(
        catalog,
        file,
        where,
        parts,
        info,
        parts.numberFormat,
        parts.validation,
        options,
      );
  }
  let read: GridRead;
  try {
    read = await readGrid(file, bytes, format, options, info);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
    return result(file, { format }, [
      ...info,
      { severity: "error", code: "unreadable_file", file, detail: { format, reason } },
    ]);
  }
  const where = { format, sheets: read.sheets, sheet: read.sheet };
  if (read.problems.length > 0) return result(file, where, [...info, ...read.problems]);
  // Rows too wide and cells too long stop here; hidden characters are listed with everything else.
  const gridFindings = checkGrid(file, read.grid, read.scanCharacters);
  if (gridFindings.some((f) => f.code !== "control_character"))
    return result(file, where, [...info, ...gridFindings]);
  info.push(...gridFindings);
  const table = locateTable(read.grid);
  info.push(...skippedRowsFindings(file, table.titleRows, table.noteRows));
  if (table.header.length === 0)
    return result(file, where, [...info, { severity: "error", code: "empty_file", file }]);
  if (table.records.length === 0)
    return result(file, { ...where, header: table.header, headerRow: table.headerRow }, [
      ...info,
      { severity: "error", code: "no_data_rows", file, row: table.headerRow },
    ]);

  if (isSdmxCsvHeader(table.header)) {
    // SDMX-CSV goes through the mapping (src/lib/sdmx) into tidy rows, then the same checks.
    const sdmx = readSdmxTable(catalog, file, table, read.delimiter);
    const located = { ...where, header: table.header, headerRow: table.headerRow };
    if ("stop" in sdmx) return result(file, located, [...info, ...sdmx.stop]);
    info.push(...sdmx.findings);
    const validation = validatePrepared(catalog, sdmx.prepared, (fraction) =>
      options.onProgress?.(0.1 + fraction * 0.8),
    );
    return finishObservations(
      catalog,
      file,
      where,
      { header: sdmx.header, headerRow: table.headerRow, columns: sdmx.columns, periodColumns: [] },
      info,
      sdmx.numberFormat,
      validation,
      options,
    );
  }

  if (isFundingHeader(table.header)) {
    const fundingColumns = mapFundingHeader(table.header);
    const amounts = fundingColumns.flatMap((c, i) =>
      c === "amount_committed" || c === "amount_disbursed" ? [i] : [],
    );
    const numberFormat = detectNumberFormat(
      table.records
        .slice(0, numberFormatSample)
        .flatMap((r) => amounts.map((i) => r.cells[i] ?? "")),
      read.delimiter,
    );
    const funding = validateFunding(catalog, {
      file,
      header: table.header,
      headerRow: table.headerRow,
      columns: fundingColumns,
      records: table.records,
      decimal: numberFormat.decimal,
    });
    options.onProgress?.(1);
    return result(
      file,
      {
        format,
        sheets: read.sheets,
        sheet: read.sheet,
        header: table.header,
        headerRow: table.headerRow,
        kind: "funding",
        funding: funding.records,
      },
      [
        ...info,
        numberFormatFinding(file, numberFormat),
        ...duplicateColumns(file, table.header, table.headerRow, fundingColumns),
        ...funding.findings,
      ],
    );
  }

  const { columns, periodColumns, valueColumns } = columnLayout(table.header, options.mapping);
  // The first values decide the number format; a wide file need not be copied whole for that.
  const values: string[] = [];
  for (const record of table.records) {
    if (values.length >= numberFormatSample) break;
    for (const i of valueColumns) values.push(record.cells[i] ?? "");
  }
  const numberFormat = detectNumberFormat(values.slice(0, numberFormatSample), read.delimiter);

  options.onProgress?.(0.1);
  const validation = validatePrepared(
    catalog,
    {
      file,
      header: table.header,
      headerRow: table.headerRow,
      columns,
      constants: options.constants ?? {},
      records: table.records,
      periodColumns,
      decimal: numberFormat.decimal,
    },
    (fraction) => options.onProgress?.(0.1 + fraction * 0.8),
  );
  return finishObservations(
    catalog,
    file,
    where,
    { header: table.header, headerRow: table.headerRow, columns, periodColumns },
    info,
    numberFormat,
    validation,
    options,
  );
}

/** What both readings share once every row is checked: the notes, the series checks, the result. */
async function finishObservations(
  catalog: Catalog,
  file: string,
  where: Pick<IntakeResult, "format" | "sheets" | "sheet">,
  table: ReadTable,
  info: Finding[],
  numberFormat: NumberFormat,
  validation: ValidationResult,
  options: IntakeOptions,
): Promise<IntakeResult> {
  const { header, headerRow, columns, periodColumns } = table;
  if (periodColumns.length > 0)
    info.push({
      severity: "info",
      code: "reshaped_wide",
      file,
      row: headerRow,
      detail: { columns: periodColumns.length },
    });
  info.push(numberFormatFinding(file, numberFormat));
  const history =
    typeof options.history === "function"
      ? await options.history([...new Set(validation.observations.map((o) => o.indicator_id))])
      : (options.history ?? []);
  const warnings = [
    ...subgroupExceedsTotal(catalog, validation.observations, file),
    ...unusualJumps(history, validation.observations, file),
  ];
  options.onProgress?.(1);
  return result(
    file,
    {
      ...where,
      header,
      headerRow,
      columns,
      fixes: validation.fixes,
      observations: validation.observations,
    },
    [
      ...info,
      ...duplicateColumns(file, header, headerRow, columns, periodColumns),
      ...validation.findings,
      ...warnings,
    ],
  );
}
