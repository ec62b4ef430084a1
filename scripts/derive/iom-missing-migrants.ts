import { locateTable } from "../../src/lib/intake/locate-table";
import { parseNumber } from "../../src/lib/intake/parse-number";
import { readCsvGrid } from "../../src/lib/intake/read-csv";
import type { Deriver } from "./deriver";
import { downloadDateOf, type IncidentDay, parseIncidentDate } from "./iom-incident-date";
import { dayAfterQuarter, quarterCode, quarterOfMonth } from "./quarters";
import { readRawUtf8 } from "./raw-utf8";
import { requireColumns } from "./table-columns";
import { type TidyRow, tidyCsv } from "./tidy-csv";

const source = "iom-mmp-2026-05-06";
export const mmpRawFile = "iom-mmp_global_2026ytd_MissingMigrants-Global-2026-05-06--19_42_11.csv";
const indicatorId = "missing-migrants-recorded";
const origin = "Honduras";

const columns = [
  "Incident ID",
  "Incident Date",
  "Number Dead",
  "Minimum Estimated Number of Missing",
  "Country of Origin",
] as const;

/**
 * Whether a `Country of Origin` cell counts for Honduras: only the cell "Honduras" does. Groups
 * of several nationalities are written "Mixed" or "Mixed/Unknown" in this download and name no
 * country, so they cannot be attributed. A cell naming Honduras beside other text would mix
 * Hondurans with others in one count that cannot be split, so it stops the derivation for a
 * person to decide.
 */
export function isOrigin(cell: string, country: string = origin): boolean {
  const text = cell.trim();
  if (text === country) return true;
  if (text.toLowerCase().includes(country.toLowerCase()))
    throw new Error(
      `Country of Origin "${cell}" names ${country} among other origins; its count cannot be split by nationality`,
    );
  return false;
}

/** A count of dead or missing: blank is unknown and adds nothing to a minimum. */
function count(text: string, what: string, incident: string): number {
  const parsed = parseNumber(text.trim());
  if (parsed.kind === "missing") return 0;
  if (parsed.kind !== "number" || parsed.value < 0 || !Number.isInteger(parsed.value))
    throw new Error(`incident ${incident}: ${what} "${text}" is not a count`);
  return parsed.value;
}

interface Incident {
  id: string;
  day: IncidentDay;
  deadAndMissing: number;
}

/**
 * Dead plus missing migrants of Honduran origin by quarter of the incident date, from an MMP
 * download made on `downloadedOn`. Every Incident ID row counts: IOM splits one event (Main ID)
 * into several Incident IDs by nationality, place or day, each with its own part of the count,
 * so nothing is counted twice. Each quarter from the first of the earliest year in the file to
 * the download's quarter is listed; a quarter not over when the file was downloaded has no value.
 */
export function missingMigrantRows(
  text: string,
  file: string,
  downloadedOn: string,
  sourceId: string,
): TidyRow[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(downloadedOn))
    throw new Error(`download date "${downloadedOn}" is not an ISO date`);
  const table = locateTable(readCsvGrid(text).grid);
  const at = requireColumns(table.header, columns, file);
  const cell = (cells: readonly string[], column: (typeof columns)[number]) =>
    cells[at[column]] ?? "";

  const ids = new Set<string>();
  const days: IncidentDay[] = [];
  const incidents: Incident[] = [];
  for (const { cells, row } of table.records) {
    const id = cell(cells, "Incident ID").trim();
    if (id === "" || ids.has(id))
      throw new Error(`${file} line ${row}: Incident ID "${id}" is blank or repeated`);
    ids.add(id);
    const day = parseIncidentDate(cell(cells, "Incident Date"));
    if (day.iso > downloadedOn)
      throw new Error(`${file} line ${row}: incident ${id} dated ${day.iso}, after the download`);
    days.push(day);
    if (!isOrigin(cell(cells, "Country of Origin"))) continue;
    incidents.push({
      id,
      day,
      deadAndMissing:
        count(cell(cells, "Number Dead"), "Number Dead", id) +
        count(cell(cells, "Minimum Estimated Number of Missing"), "missing", id),
    });
  }
  if (days.length === 0) throw new Error(`${file}: no incidents`);

  const firstYear = Math.min(...days.map((d) => d.year));
  const lastYear = Number(downloadedOn.slice(0, 4));
  const lastQuarter = quarterOfMonth(Number(downloadedOn.slice(5, 7)));
  const rows: TidyRow[] = [];
  for (let year = firstYear; year <= lastYear; year++)
    for (const quarter of [1, 2, 3, 4]) {
      if (year === lastYear && quarter > lastQuarter) break;
      const period = quarterCode(year, quarter);
      const base = {
        indicator_id: indicatorId,
        period,
        obs_status: "normal",
        source: sourceId,
      } as const;
      if (dayAfterQuarter(year, quarter) > downloadedOn) {
        rows.push({
          ...base,
          value: null,
          note: `Quarter not over when IOM's file was downloaded (${downloadedOn}); no partial count is published.`,
        });
        continue;
      }
      const inQuarter = incidents.filter(
        (i) => i.day.year === year && quarterOfMonth(i.day.month) === quarter,
      );
      rows.push({
        ...base,
        value: inQuarter.reduce((sum, i) => sum + i.deadAndMissing, 0),
        note: `Dead plus missing in ${inQuarter.length} MMP record(s) with Country of Origin "${origin}"${
          inQuarter.length > 0 ? ` (${inQuarter.map((i) => i.id).join(", ")})` : ""
        }; a minimum: many records have an unknown origin.`,
      });
    }
  return rows;
}

/** SDG 10.7.3: Honduran migrants recorded dead or missing, from IOM's 2026 year-to-date download. */
export const iomMissingMigrants: Deriver = {
  output: "missing-migrants-recorded.csv",
  sources: [source],
  derive: async () =>
    tidyCsv(
      missingMigrantRows(
        readRawUtf8(source, mmpRawFile),
        mmpRawFile,
        downloadDateOf(mmpRawFile),
        source,
      ),
    ),
};
