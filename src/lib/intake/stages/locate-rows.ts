import { checkGrid } from "../check-grid";
import type { Finding } from "../findings";
import type { Stopped } from "../intake-result";
import { type LocatedTable, locateTable, skippedRowsFindings } from "../locate-table";
import type { Decoded } from "./decoded";

export interface Located {
  table: LocatedTable;
  /** Hidden characters in cells, and the title and note rows skipped. */
  notes: Finding[];
}

/**
 * The table in the rows: rows too wide and cells too long stop here (hidden characters are
 * listed with everything else); titles above the header and notes below the data are skipped.
 */
export function locateRows(file: string, decoded: Decoded): Located | Stopped {
  const gridFindings = checkGrid(file, decoded.grid, decoded.scanCharacters);
  if (gridFindings.some((f) => f.code !== "control_character")) return { stop: gridFindings };
  const table = locateTable(decoded.grid);
  const notes = [...gridFindings, ...skippedRowsFindings(file, table.titleRows, table.noteRows)];
  if (table.header.length === 0)
    return { stop: [...notes, { severity: "error", code: "empty_file", file }] };
  if (table.records.length === 0)
    return {
      stop: [...notes, { severity: "error", code: "no_data_rows", file, row: table.headerRow }],
      known: { header: table.header, headerRow: table.headerRow },
    };
  return { table, notes };
}
