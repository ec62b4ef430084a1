import type { RCell, RDataFrame } from "./r-data/data-frame";
import { readRdaDataFrame } from "./r-data/read-rda";
import { readRaw } from "./raw-files";

/** UNHCR's R package `refugees` 2025.12.1, registered in data/sources.json under this id. */
export const unhcrSource = "unhcr-refugees-2025.12.1";

/** Each table the derivations read: the package's .rda file and the object saved in it. */
export const unhcrTables = {
  population: "unhcr-refugees-pkg_2025.12.1_population.rda",
  asylum_applications: "unhcr-refugees-pkg_2025.12.1_asylum_applications.rda",
  idmc: "unhcr-refugees-pkg_2025.12.1_idmc.rda",
} as const;
export type UnhcrTable = keyof typeof unhcrTables;

/** The shared extracts made from each table (Honduras rows, columns unchanged, NA empty). */
export const unhcrExtracts: Record<UnhcrTable, string> = {
  population: "unhcr-refugees-pkg_2025.12.1_population_HND_derived.csv",
  asylum_applications: "unhcr-refugees-pkg_2025.12.1_asylum_applications_HND_derived.csv",
  idmc: "unhcr-refugees-pkg_2025.12.1_idmc_HND_derived.csv",
};

export type UnhcrRecord = Readonly<Record<string, RCell>>;

// Decoding population.rda (22 MB once unpacked) takes about a second; several series read it.
const frames = new Map<UnhcrTable, RDataFrame>();

export function unhcrFrame(table: UnhcrTable): RDataFrame {
  const cached = frames.get(table);
  if (cached) return cached;
  const frame = readRdaDataFrame(readRaw(unhcrSource, unhcrTables[table]), table);
  frames.set(table, frame);
  return frame;
}

/**
 * The rows about Honduras, in file order: Hondurans anywhere (`coo_iso` HND) or anyone in
 * Honduras (`coa_iso` HND), the same selection as the shared extracts.
 */
export function hondurasRecords(frame: RDataFrame): UnhcrRecord[] {
  const origin = frame.columns.get("coo_iso") ?? [];
  const asylum = frame.columns.get("coa_iso") ?? [];
  const records: UnhcrRecord[] = [];
  for (let row = 0; row < frame.rowCount; row++) {
    if (origin[row] !== "HND" && asylum[row] !== "HND") continue;
    records.push(
      Object.fromEntries(frame.names.map((n) => [n, frame.columns.get(n)?.[row] ?? null])),
    );
  }
  return records;
}

/** A count column of a record, refused unless it is a whole number (UNHCR stores doubles). */
export function countCell(record: UnhcrRecord, column: string): number {
  const value = record[column];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new Error(`UNHCR ${column} is ${String(value)}, not a count (year ${record.year})`);
  return value;
}

export function yearCell(record: UnhcrRecord): number {
  return countCell(record, "year");
}
