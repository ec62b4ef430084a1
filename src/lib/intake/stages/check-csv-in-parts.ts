import type { Catalog } from "../../catalog/schema";
import type { FileFormat } from "../file-kind";
import type { Finding } from "../findings";
import type { IntakeOptions, Stopped } from "../intake-result";
import { defaultPartBytes, partsFromBytes, readCsvInParts } from "../read-csv-in-parts";
import type { CheckedTable } from "./finish-observations";
import { sqlRowChecker } from "./run-row-rules";

export interface CheckedInParts extends CheckedTable {
  notes: Finding[];
}

/**
 * A large CSV file goes through decode, locate, map and the row rules part by part, so that its
 * whole text and grid are never in memory at once (with `sqlRowRules`, each part's rows are
 * staged as ids for DuckDB as they come). Null when the file is small, not CSV, or holds
 * something only the whole-file reading handles: then the stages run one after the other.
 */
export async function checkCsvInParts(
  catalog: Catalog,
  file: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: IntakeOptions,
): Promise<CheckedInParts | Stopped | null> {
  const partBytes =
    options.partBytes ?? (bytes.byteLength >= partsFromBytes ? defaultPartBytes : null);
  if (format !== "csv" || partBytes === null) return null;
  const notes: Finding[] = [];
  const parts = readCsvInParts(catalog, file, bytes, notes, {
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.constants ? { constants: options.constants } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.sqlRowRules ? { rowChecker: sqlRowChecker(catalog, options.sqlRowRules) } : {}),
    partBytes,
  });
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
