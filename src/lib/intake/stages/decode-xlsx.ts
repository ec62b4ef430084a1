import type { Finding } from "../findings";
import { mapHeader } from "../header-map";
import type { Stopped } from "../intake-result";
import { maxXlsxUnpackedBytes } from "../limits";
import { locateTable } from "../locate-table";
import { declaredXmlBytes, readXlsx } from "../read-xlsx";
import type { Decoded } from "./decoded";

/**
 * A workbook's sheet as rows: the one asked for, else the first holding a recognisable table,
 * else the first. A workbook that would unpack into too much XML stops before it is opened.
 */
export async function decodeXlsx(
  file: string,
  bytes: Uint8Array,
  sheet: string | undefined,
): Promise<Decoded | Stopped> {
  const unpacked = declaredXmlBytes(bytes);
  if (unpacked > maxXlsxUnpackedBytes)
    return {
      stop: [
        {
          severity: "error",
          code: "archive_too_large",
          file,
          detail: {
            megabytes: Math.round(unpacked / 1048576),
            limit: maxXlsxUnpackedBytes / 1048576,
          },
        },
      ],
    };
  const workbook = await readXlsx(bytes);
  const sheets = workbook.sheets.map((s) => s.name);
  const holdsTable = (grid: Parameters<typeof locateTable>[0]) => {
    const { header } = locateTable(grid);
    return header.length > 0 && mapHeader(header).some((c) => c !== null);
  };
  const chosen =
    workbook.sheets.find((s) => s.name === sheet) ??
    workbook.sheets.find((s) => holdsTable(s.grid)) ??
    workbook.sheets[0];
  if (!chosen)
    return { grid: [], delimiter: null, sheets, sheet: null, notes: [], scanCharacters: false };
  const notes: Finding[] = [
    {
      severity: "info",
      code: "sheet_used",
      file,
      detail: { sheet: chosen.name, sheets: sheets.join(", ") },
    },
  ];
  return {
    grid: chosen.grid,
    delimiter: null,
    sheets,
    sheet: chosen.name,
    notes,
    scanCharacters: true,
  };
}
