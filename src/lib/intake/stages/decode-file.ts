import type { FileFormat } from "../file-kind";
import type { IntakeOptions, Stopped } from "../intake-result";
import { readParquetGrid } from "../read-parquet-grid";
import { decodeCsv } from "./decode-csv";
import { decodeXlsx } from "./decode-xlsx";
import type { Decoded } from "./decoded";

async function decodeByFormat(
  file: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: IntakeOptions,
): Promise<Decoded | Stopped> {
  if (format === "parquet") {
    if (!options.parquet) throw new Error("Parquet decoder not loaded");
    const grid = readParquetGrid(options.parquet, bytes);
    return { grid, delimiter: null, sheets: [], sheet: null, notes: [], scanCharacters: true };
  }
  if (format === "xlsx") return decodeXlsx(file, bytes, options.sheet);
  return decodeCsv(file, bytes);
}

/** The file's rows as text cells, whatever its format; a reader's failure is a finding. */
export async function decodeFile(
  file: string,
  bytes: Uint8Array,
  format: FileFormat,
  options: IntakeOptions,
): Promise<Decoded | Stopped> {
  try {
    return await decodeByFormat(file, bytes, format, options);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
    return {
      stop: [{ severity: "error", code: "unreadable_file", file, detail: { format, reason } }],
      known: { format },
    };
  }
}
