import type { Deriver } from "./deriver";
import { tidyCsv } from "./tidy-csv";
import { byCountryOfAsylum, type CountryFigure, countriesReaching } from "./unhcr-by-country";
import {
  countCell,
  hondurasRecords,
  type UnhcrRecord,
  type UnhcrTable,
  unhcrFrame,
  unhcrSource,
  yearCell,
} from "./unhcr-tables";

/**
 * A country of asylum gets its own geography code when it held (or received) at least this many
 * Hondurans in some year of the series; smaller ones are summed as OTHER.
 */
export const ownCodeThreshold = 100;

/** One UNHCR figure about Hondurans abroad: a count column of a table, by country of asylum. */
export interface AbroadSeries {
  indicatorId: string;
  table: UnhcrTable;
  column: string;
  /** Years before this hold zeros that mean "not collected", not "none": they are left out. */
  firstYear?: number;
}

export const refugeesSeries: AbroadSeries = {
  indicatorId: "refugees-from-honduras",
  table: "population",
  column: "refugees",
};
export const asylumSeekersSeries: AbroadSeries = {
  indicatorId: "asylum-seekers-from-honduras",
  table: "population",
  column: "asylum_seekers",
  // population.rda holds asylum-seekers for one country a year worldwide before 2000 and for
  // many from 2000 on; its zeros for Hondurans in 1986-1999 are years nobody counted them.
  firstYear: 2000,
};
/**
 * Every application row is summed, whatever its type (new, repeat, appeal…), procedure or level:
 * that total is UNHCR's published figure (2019: 80,162; new applications alone: 78,068).
 */
export const applicationsSeries: AbroadSeries = {
  indicatorId: "asylum-applications-by-hondurans",
  table: "asylum_applications",
  column: "applied",
};

/** Hondurans (`coo_iso` HND) in every other country, from rows of one table. */
export function honduransAbroad(records: readonly UnhcrRecord[], column: string): CountryFigure[] {
  return records
    .filter((r) => r.coo_iso === "HND" && r.coa_iso !== "HND")
    .map((r) => {
      if (typeof r.coa_iso !== "string") throw new Error(`UNHCR row without coa_iso: ${r.coa}`);
      return { year: yearCell(r), country: r.coa_iso, value: countCell(r, column) };
    });
}

export function abroadFigures(series: AbroadSeries): CountryFigure[] {
  return honduransAbroad(hondurasRecords(unhcrFrame(series.table)), series.column).filter(
    (f) => f.year >= (series.firstYear ?? 0),
  );
}

/** The countries of asylum a series gives codes of their own (the rest are OTHER). */
export function listedCountries(series: AbroadSeries): string[] {
  return countriesReaching(abroadFigures(series), ownCodeThreshold);
}

function abroadDeriver(series: AbroadSeries): Deriver {
  return {
    output: `${series.indicatorId}.csv`,
    sources: [unhcrSource],
    derive: async () =>
      tidyCsv(
        byCountryOfAsylum(
          abroadFigures(series),
          listedCountries(series),
          series.indicatorId,
          unhcrSource,
        ),
      ),
  };
}

/** SDG 10.7.4's numerator: Honduran refugees at the end of each year, by country of asylum. */
export const refugeesFromHonduras = abroadDeriver(refugeesSeries);
export const asylumSeekersFromHonduras = abroadDeriver(asylumSeekersSeries);
export const asylumApplicationsByHondurans = abroadDeriver(applicationsSeries);
