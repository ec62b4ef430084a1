import type { Catalog } from "../catalog/schema";
import type { FundingRecord } from "../funding/funding-columns";
import { isFundingHeader, mapFundingHeader } from "../funding/funding-header";
import { validateFunding } from "../funding/validate-funding";
import type { Observation, ObservationColumn } from "../observations/columns";
import type { ParquetWasm } from "../parquet/parquet-codec";
import { decodeText } from "./detect-encoding";
import type { Finding } from "./findings";
import type { Fix } from "./fix-log";
import type { Grid } from "./grid";
import { mapHeader } from "./header-map";
import { maxFileBytes } from "./limits";
import { locateTable } from "./locate-table";
import { detectNumberFormat, type NumberFormat } from "./number-format";
import { type Delimiter, readCsvGrid } from "./read-csv";
import { readParquetGrid } from "./read-parquet-grid";
import { readXlsx } from "./read-xlsx";
import { subgroupExceedsTotal, unusualJumps } from "./series-checks";
import { validatePrepared } from "./validate-observations";
import { widePeriodColumns } from "./wide-layout";

export { maxFileBytes };

export type FileFormat = "csv" | "xlsx" | "parquet";

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

export function detectFormat(bytes: Uint8Array): FileFormat {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic === "PAR1") return "parquet";
  if (magic === "PK\u0003\u0004") return "xlsx";
  return "csv";
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

async function readGrid(
  file: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: IntakeOptions,
  info: Finding[],
): Promise<{ grid: Grid; delimiter: Delimiter | null; sheets: string[]; sheet: string | null }> {
  if (format === "parquet") {
    if (!options.parquet) throw new Error("Parquet decoder not loaded");
    return {
      grid: readParquetGrid(options.parquet, bytes),
      delimiter: null,
      sheets: [],
      sheet: null,
    };
  }
  if (format === "xlsx") {
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
    if (!chosen) return { grid: [], delimiter: null, sheets, sheet: null };
    info.push({
      severity: "info",
      code: "sheet_used",
      file,
      detail: { sheet: chosen.name, sheets: sheets.join(", ") },
    });
    return { grid: chosen.grid, delimiter: null, sheets, sheet: chosen.name };
  }
  const { text, encoding } = decodeText(bytes);
  const { grid, delimiter } = readCsvGrid(text);
  info.push({
    severity: "info",
    code: "decoded_as",
    file,
    detail: { encoding, delimiter: delimiter === "\t" ? "tab" : delimiter },
  });
  return { grid, delimiter, sheets: [], sheet: null };
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
  const format = detectFormat(bytes);
  const info: Finding[] = [];
  let read: Awaited<ReturnType<typeof readGrid>>;
  try {
    read = await readGrid(file, bytes, format, options, info);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return result(file, { format }, [
      { severity: "error", code: "unreadable_file", file, detail: { format, reason } },
    ]);
  }
  const table = locateTable(read.grid);
  if (table.titleRows.length > 0)
    info.push({
      severity: "info",
      code: "skipped_title_rows",
      file,
      detail: { rows: table.titleRows.join(", ") },
    });
  if (table.noteRows.length > 0)
    info.push({
      severity: "info",
      code: "skipped_note_rows",
      file,
      detail: {
        rows: `${table.noteRows[0]}–${table.noteRows.at(-1)}`,
        count: table.noteRows.length,
      },
    });
  if (table.header.length === 0)
    return result(file, { format, ...read }, [
      ...info,
      { severity: "error", code: "empty_file", file },
    ]);
  if (table.records.length === 0)
    return result(file, { format, ...read, header: table.header, headerRow: table.headerRow }, [
      ...info,
      { severity: "error", code: "no_data_rows", file, row: table.headerRow },
    ]);

  if (isFundingHeader(table.header)) {
    const fundingColumns = mapFundingHeader(table.header);
    const amounts = fundingColumns.flatMap((c, i) =>
      c === "amount_committed" || c === "amount_disbursed" ? [i] : [],
    );
    const numberFormat = detectNumberFormat(
      table.records.slice(0, 50_000).flatMap((r) => amounts.map((i) => r.cells[i] ?? "")),
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
      [...info, numberFormatFinding(file, numberFormat), ...funding.findings],
    );
  }

  const periodColumns = widePeriodColumns(table.header);
  if (periodColumns.length > 0)
    info.push({
      severity: "info",
      code: "reshaped_wide",
      file,
      row: table.headerRow,
      detail: { columns: periodColumns.length },
    });
  const columns = mapHeader(table.header).map((c, i) =>
    options.mapping && i in options.mapping ? (options.mapping[i] ?? null) : c,
  );

  const valueIndex = columns.indexOf("value");
  const values =
    periodColumns.length > 0
      ? table.records.flatMap((r) => periodColumns.map((i) => r.cells[i] ?? ""))
      : valueIndex >= 0
        ? table.records.map((r) => r.cells[valueIndex] ?? "")
        : [];
  const numberFormat = detectNumberFormat(values.slice(0, 50_000), read.delimiter);
  info.push(numberFormatFinding(file, numberFormat));

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
      format,
      sheets: read.sheets,
      sheet: read.sheet,
      header: table.header,
      headerRow: table.headerRow,
      columns,
      fixes: validation.fixes,
      observations: validation.observations,
    },
    [...info, ...validation.findings, ...warnings],
  );
}
