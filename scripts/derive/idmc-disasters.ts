import type { Grid } from "../../src/lib/intake/grid";
import { locateTable } from "../../src/lib/intake/locate-table";
import { parseNumber } from "../../src/lib/intake/parse-number";
import { readXlsx } from "../../src/lib/intake/read-xlsx";
import type { Deriver } from "./deriver";
import { readRaw } from "./raw-files";
import { requireColumns } from "./table-columns";
import type { TidyRow } from "./tidy-csv";
import { tidyCsv } from "./tidy-csv";

const source = "idmc-gidd-disasters-2008-2022";
export const giddRawFile =
  "idmc_gidd_disasters_2008-2022_IDMC_GIDD_Disasters_Internal_Displacement_Data.xlsx";
export const giddSheet = "1_Disaster_Displacement_data";
const indicatorId = "disaster-displacements-idmc";

const columns = ["ISO3", "Year", "Event Name", "Disaster Internal Displacements"] as const;

interface EventRow {
  year: number;
  name: string;
  displacements: number;
}

/**
 * Annual disaster displacements in one country: the sum of IDMC's event rows for the year, in
 * the rounded column IDMC publishes ("Disaster Internal Displacements", not "(Raw)"). Every year
 * the database covers (its first to last year, all countries) gets a row; a year in which IDMC
 * lists no event for the country has no value and says so, because IDMC records events, and an
 * event missing from its database is not evidence that nobody was displaced.
 */
export function annualDisasterDisplacementRows(
  grid: Grid,
  iso3: string,
  sourceId: string,
): TidyRow[] {
  const table = locateTable(grid);
  const at = requireColumns(table.header, columns, giddSheet);
  const cell = (cells: readonly string[], column: (typeof columns)[number]) =>
    (cells[at[column]] ?? "").trim();

  const years = new Set<number>();
  const events: EventRow[] = [];
  for (const { row, cells } of table.records) {
    const year = Number(cell(cells, "Year"));
    if (!Number.isInteger(year) || year < 1950 || year > 2100)
      throw new Error(`${giddSheet} row ${row}: year "${cell(cells, "Year")}" is not a year`);
    years.add(year);
    if (cell(cells, "ISO3") !== iso3) continue;
    const value = parseNumber(cell(cells, "Disaster Internal Displacements"));
    if (value.kind !== "number" || value.value < 0 || !Number.isInteger(value.value))
      throw new Error(
        `${giddSheet} row ${row}: displacements "${cell(cells, "Disaster Internal Displacements")}" is not a count`,
      );
    events.push({ year, name: cell(cells, "Event Name"), displacements: value.value });
  }
  if (years.size === 0) throw new Error(`${giddSheet}: no event rows`);

  const rows: TidyRow[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const ofYear = events.filter((e) => e.year === year);
    const largest = ofYear.reduce<EventRow | null>(
      (a, b) => (a === null || b.displacements > a.displacements ? b : a),
      null,
    );
    rows.push({
      indicator_id: indicatorId,
      period: String(year),
      value: largest ? ofYear.reduce((sum, e) => sum + e.displacements, 0) : null,
      obs_status: "normal",
      source: sourceId,
      note: largest
        ? `Sum of ${ofYear.length} IDMC event row(s); largest: ${largest.name} (${largest.displacements}).`
        : `IDMC lists no disaster event for ${iso3} in ${year}: no displacement recorded, which is not a count of zero.`,
    });
  }
  return rows;
}

/** The data sheet of IDMC's GIDD disaster workbook; a renamed sheet stops the derivation. */
export async function readGiddSheet(bytes: Uint8Array): Promise<Grid> {
  const workbook = await readXlsx(bytes);
  const sheet = workbook.sheets.find((s) => s.name === giddSheet);
  if (!sheet) throw new Error(`${giddRawFile}: no sheet "${giddSheet}"`);
  return sheet.grid;
}

/** Disaster displacements in Honduras, 2008–2022, from IDMC's GIDD. */
export const idmcDisasters: Deriver = {
  output: "disaster-displacements-idmc.csv",
  sources: [source],
  derive: async () =>
    tidyCsv(
      annualDisasterDisplacementRows(
        await readGiddSheet(readRaw(source, giddRawFile)),
        "HND",
        source,
      ),
    ),
};
