import { unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/universal";
import type { Grid } from "./grid";

export interface Workbook {
  sheets: { name: string; grid: Grid }[];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  return String(value);
}

/** Every sheet of an .xlsx workbook as text cells, rows numbered as Excel numbers them. */
export async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  const sheets = await readXlsxFile(buffer);
  return {
    sheets: sheets.map((sheet) => ({
      name: sheet.sheet,
      grid: sheet.data.map((cells, index) => ({ row: index + 1, cells: cells.map(cellText) })),
    })),
  };
}

/**
 * What the workbook's XML parts would unpack to, in bytes, as the archive's directory declares
 * it, found without unpacking anything. A part that is larger than declared is cut at the declared
 * size when unpacked, so the declaration bounds the memory reading takes.
 */
export function declaredXmlBytes(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (entry) => {
      if (entry.name.endsWith(".xml") || entry.name.endsWith(".xml.rels"))
        total += entry.originalSize;
      return false;
    },
  });
  return total;
}
