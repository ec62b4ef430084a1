import { readCsv } from "../../src/lib/intake/read-csv";
import type { Deriver } from "./deriver";
import { readRawText } from "./raw-files";
import { type TidyRow, tidyCsv } from "./tidy-csv";
import { abroadFigures, refugeesSeries } from "./unhcr-abroad";
import { unhcrSource } from "./unhcr-tables";

export const ochaSource = "ocha-cod-ps-hnd-2024";
export const ochaPopulationFile = "ocha-codps_hnd_admpop_adm2_2024.csv";
const indicatorId = "refugees-from-honduras-per-100k";

export interface Population {
  year: number;
  total: number;
}

/** Honduras' population: the municipalities' totals (`T_TL`) added up, for the file's one year. */
export function populationTotal(csv: string): Population {
  const table = readCsv(csv);
  const yearColumn = table.header.indexOf("year");
  const totalColumn = table.header.indexOf("T_TL");
  if (yearColumn < 0 || totalColumn < 0) throw new Error("OCHA file without year or T_TL column");
  const years = new Set(table.records.map((r) => r.cells[yearColumn]));
  if (years.size !== 1) throw new Error(`OCHA file covers ${years.size} years, not one`);
  let total = 0;
  for (const record of table.records) {
    const cell = record.cells[totalColumn] ?? "";
    if (!/^\d+$/.test(cell)) throw new Error(`OCHA row ${record.row}: T_TL is "${cell}"`);
    total += Number(cell);
  }
  return { year: Number([...years][0]), total };
}

/**
 * SDG 10.7.4 as UNHCR computes it: refugees from the country ÷ (its population + those
 * refugees) × 100,000, to two decimals.
 */
export function refugeesPer100k(refugees: number, population: number): number {
  return Math.round((refugees / (population + refugees)) * 100_000 * 100) / 100;
}

/**
 * The rate for the one year the population denominator is for; no other year is given one, so
 * no year's refugees are ever divided by another year's population.
 */
export function refugeeRateRows(
  refugeesByYear: ReadonlyMap<number, number>,
  population: Population,
): TidyRow[] {
  const refugees = refugeesByYear.get(population.year);
  if (refugees === undefined) return [];
  return [
    {
      indicator_id: indicatorId,
      period: String(population.year),
      value: refugeesPer100k(refugees, population.total),
      obs_status: "normal",
      source: unhcrSource,
      note: `${refugees} refugees (UNHCR) / (${population.total} population (OCHA COD-PS ${population.year}, source ${ochaSource}) + ${refugees}) x 100000`,
    },
  ];
}

export const refugeesFromHondurasPer100k: Deriver = {
  output: `${indicatorId}.csv`,
  sources: [unhcrSource, ochaSource],
  derive: async () => {
    const byYear = new Map<number, number>();
    for (const f of abroadFigures(refugeesSeries))
      byYear.set(f.year, (byYear.get(f.year) ?? 0) + f.value);
    return tidyCsv(
      refugeeRateRows(byYear, populationTotal(readRawText(ochaSource, ochaPopulationFile))),
    );
  },
};
