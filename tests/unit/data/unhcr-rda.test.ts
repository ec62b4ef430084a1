import { describe, expect, it } from "vitest";
import type { RCell } from "../../../scripts/derive/r-data/data-frame";
import { readRawText } from "../../../scripts/derive/raw-files";
import {
  hondurasRecords,
  type UnhcrTable,
  unhcrExtracts,
  unhcrFrame,
  unhcrSource,
} from "../../../scripts/derive/unhcr-tables";
import { readCsv } from "../../../src/lib/intake/read-csv";

/** A cell as the shared extracts write it: NA empty, numbers in R's shortest form. */
function asCsvCell(cell: RCell): string {
  return cell === null ? "" : String(cell);
}

const tables: UnhcrTable[] = ["population", "asylum_applications", "idmc"];

describe("UNHCR .rda files read directly equal the shared Honduras extracts", () => {
  it.each(tables)("%s: same columns, same rows, same values", (table) => {
    const frame = unhcrFrame(table);
    const extract = readCsv(readRawText(unhcrSource, unhcrExtracts[table]));
    const rows = hondurasRecords(frame).map((r) => frame.names.map((n) => asCsvCell(r[n] ?? null)));
    expect(frame.names).toEqual(extract.header);
    expect(rows).toEqual(extract.records.map((r) => r.cells));
  });

  it("reads the whole tables, not only the Honduras rows", () => {
    expect(unhcrFrame("population").rowCount).toBeGreaterThan(100_000);
    expect(hondurasRecords(unhcrFrame("population"))).toHaveLength(754);
    expect(hondurasRecords(unhcrFrame("asylum_applications"))).toHaveLength(560);
    expect(hondurasRecords(unhcrFrame("idmc"))).toHaveLength(12);
  });
});
