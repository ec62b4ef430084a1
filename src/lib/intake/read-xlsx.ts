import { unzipSync } from "fflate";
import type { Grid } from "./grid";
import { readWorkbookSheets } from "./xlsx/read-workbook";

export interface Workbook {
  sheets: { name: string; grid: Grid }[];
}

/**
 * Every sheet of an .xlsx workbook as text cells, rows numbered as Excel numbers them. Read by a
 * streaming reader (src/lib/intake/xlsx) that never recurses, so a 20 MB sheet reads the same
 * from any stack depth.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Workbook> {
  return { sheets: readWorkbookSheets(bytes) };
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
