/**
 * UNODC's GLOTIP workbook (2.3 MB, 22 MB of sheet XML) made read-excel-file, which recurses once
 * per chunk, overflow the stack. The streaming reader must read it whole from any stack depth.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { locateTable } from "../../src/lib/intake/locate-table";
import { readCsvGrid } from "../../src/lib/intake/read-csv";
import { readWorkbookSheets, type WorkbookSheet } from "../../src/lib/intake/xlsx/read-workbook";

const workbook = new Uint8Array(readFileSync("data/raw/unodc-glotip_2023-05-30_data_glotip.xlsx"));
/** Honduras' rows, extracted earlier with another reader (read-excel-file, from a shallow stack). */
const extract = readCsvGrid(
  readFileSync("data/raw/unodc-glotip_2023-05-30_HND_derived.csv", "utf8"),
).grid.filter((row) => row.cells.some((cell) => cell !== ""));

/** Calls `read` from under `depth` frames of ordinary, non-tail recursion. */
function fromDeepStack<T>(depth: number, read: () => T): T {
  if (depth === 0) return read();
  const result = fromDeepStack(depth - 1, read);
  return result;
}

describe("the GLOTIP workbook", () => {
  let sheets: WorkbookSheet[] = [];

  it("reads whole from 5,000 nested frames", () => {
    sheets = fromDeepStack(5_000, () => readWorkbookSheets(workbook));
    expect(sheets.map((s) => s.name)).toEqual(["data_glotip_1"]);
  });

  it("has 46,556 data rows under the header on row 3, below UNODC's two banner rows", () => {
    const table = locateTable(sheets[0]?.grid ?? []);
    expect(table.headerRow).toBe(3);
    expect(table.header).toEqual(extract[0]?.cells);
    expect(table.records).toHaveLength(46_556);
    expect(table.records.at(-1)?.row).toBe(46_559);
  });

  it("gives Honduras' rows exactly as the earlier extract has them", () => {
    const [, ...expected] = extract;
    const honduras = (sheets[0]?.grid ?? []).filter(
      (row) => row.row > 3 && (row.cells[0] === "HND" || row.cells[6] === "Honduras"),
    );
    expect(honduras.map((row) => row.cells)).toEqual(expected.map((row) => row.cells));
    expect(expected.length).toBeGreaterThan(250);
  });

  it("gets findings from gcm validate, not a failure to read", async () => {
    const stdout = await promisify(execFile)(
      "npx",
      ["tsx", "src/cli/gcm.ts", "validate", "data/raw/unodc-glotip_2023-05-30_data_glotip.xlsx"],
      { encoding: "utf8" },
    ).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(stdout).not.toContain("No se pudo leer");
    expect(stdout).toContain("«txtVALUE» no se reconoce");
    expect(stdout).toContain("0 filas válidas");
  }, 60_000);
});
