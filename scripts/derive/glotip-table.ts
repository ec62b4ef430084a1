import type { Grid } from "../../src/lib/intake/grid";
import { readXlsx } from "../../src/lib/intake/read-xlsx";
import { readRaw } from "./raw-files";

/** UNODC's GLOTIP data, release of 30 May 2023, registered in data/sources.json under this id. */
export const glotipSource = "unodc-glotip-2023-05-30";
export const glotipWorkbook = "unodc-glotip_2023-05-30_data_glotip.xlsx";
export const glotipExtract = "unodc-glotip_2023-05-30_HND_derived.csv";

export const glotipColumns = [
  "Iso3_code",
  "Country",
  "Region",
  "Subregion",
  "Indicator",
  "Dimension",
  "Category",
  "Sex",
  "Age",
  "Year",
  "Unit of measurement",
  "txtVALUE",
  "Source",
] as const;
export type GlotipColumn = (typeof glotipColumns)[number];
export type GlotipRecord = Readonly<Record<GlotipColumn, string>>;

/**
 * The data rows under the header (row 3, below UNODC's two banner rows), as text. The header must
 * hold exactly the expected columns, so a changed layout fails here rather than shifting values.
 */
export function glotipRecords(grid: Grid): GlotipRecord[] {
  const headerIndex = grid.findIndex((row) => row.cells[0] === glotipColumns[0]);
  const header = grid[headerIndex]?.cells.slice(0, glotipColumns.length) ?? [];
  if (header.join("|") !== glotipColumns.join("|"))
    throw new Error(`GLOTIP header not found or changed: ${header.join(", ")}`);
  return grid
    .slice(headerIndex + 1)
    .filter((row) => row.cells.some((cell) => cell !== ""))
    .map(
      (row) =>
        Object.fromEntries(glotipColumns.map((c, i) => [c, row.cells[i] ?? ""])) as GlotipRecord,
    );
}

/** Honduras reporting (`Iso3_code` HND) or Hondurans detected elsewhere (`Category` Honduras). */
export function hondurasGlotip(records: readonly GlotipRecord[]): GlotipRecord[] {
  return records.filter((r) => r.Iso3_code === "HND" || r.Category === "Honduras");
}

let workbook: Promise<GlotipRecord[]> | undefined;

/**
 * Every record of the workbook, read once per process, by the intake's streaming reader (the
 * same the upload worker uses), which reads this 46,556-row sheet from any stack depth.
 */
export function readGlotip(): Promise<GlotipRecord[]> {
  workbook ??= readXlsx(readRaw(glotipSource, glotipWorkbook)).then((book) => {
    const sheet = book.sheets[0];
    if (!sheet) throw new Error(`${glotipWorkbook} has no sheet`);
    return glotipRecords(sheet.grid);
  });
  return workbook;
}
