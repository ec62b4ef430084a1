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
