import type { Catalog } from "../../catalog/schema";
import type { PartsOptions, PartsOutcome } from "../check-rows-in-parts";
import type { FileFormat } from "../file-kind";
import type { Finding } from "../findings";
import type { IntakeOptions, Stopped } from "../intake-result";
import { defaultPartBytes, partsFromBytes, readCsvInParts } from "../read-csv-in-parts";
import {
  defaultPartRows,
  parquetPartsFromRows,
  readParquetInParts,
} from "../read-parquet-in-parts";
import type { CheckedTable } from "./finish-observations";
import { sqlRowChecker } from "./run-row-rules";

export interface CheckedInParts extends CheckedTable {
  notes: Finding[];
}

function readInParts(
  catalog: Catalog,
  file: string,
  bytes: Uint8Array,
  format: FileFormat,
  notes: Finding[],
  options: IntakeOptions,
): PartsOutcome | null {
  const parts: PartsOptions = {
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.constants ? { constants: options.constants } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.sqlRowRules ? { rowChecker: sqlRowChecker(catalog, options.sqlRowRules) } : {}),
  };
  if (format === "csv") {
    const partBytes =
      options.partBytes ?? (bytes.byteLength >= partsFromBytes ? defaultPartBytes : null);
    if (partBytes === null) return null;
    return readCsvInParts(catalog, file, bytes, notes, { ...parts, partBytes });
  }
  if (format === "parquet" && options.parquet) {
    const partRows = options.partRows ?? defaultPartRows;
    const fromRows = options.partRows === undefined ? parquetPartsFromRows : 0;
    return readParquetInParts(catalog, file, options.parquet, bytes, notes, {
      ...parts,
      partRows,
      fromRows,
    });
  }
  return null;
}

/**
 * A large CSV or Parquet file goes through decode, locate, map and the row rules part by part,
 * so that its whole text and grid are never in memory at once (with `sqlRowRules`, each part's
 * rows are staged as ids for DuckDB as they come). Null when the file is small, of another
 * format, or holds something only the whole-file reading handles: then the stages run one after
 * the other.
 */
export async function checkInParts(
  catalog: Catalog,
  file: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: IntakeOptions,
): Promise<CheckedInParts | Stopped | null> {
  const notes: Finding[] = [];
  const parts = readInParts(catalog, file, bytes, format, notes, options);
  if (parts === null) return null;
  if (parts.kind === "stopped") return { stop: [...notes, ...parts.findings] };
  const { header, headerRow, columns, periodColumns } = parts;
  return {
    notes,
    shown: { header, headerRow, columns, periodColumns },
    numberFormat: parts.numberFormat,
    checked: await parts.validation,
  };
}
