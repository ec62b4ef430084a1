import type { LocalizedText } from "../../src/lib/catalog/schema";
import { readCsv } from "../../src/lib/intake/read-csv";
import { departmentCode, departmentCodes } from "./departments";
import type { AssetDeriver } from "./deriver";
import { readRawText } from "./raw-files";
import { ochaPopulationFile, ochaSource } from "./unhcr-refugee-rate";

/** OCHA's five-year age bands, in the file's column order (`F_00_04` … `F_80Plus`). */
export const ochaAgeBands = [
  "00_04",
  "05_09",
  "10_14",
  "15_19",
  "20_24",
  "25_29",
  "30_34",
  "35_39",
  "40_44",
  "45_49",
  "50_54",
  "55_59",
  "60_64",
  "65_69",
  "70_74",
  "75_79",
  "80Plus",
] as const;
type Band = (typeof ochaAgeBands)[number];
const sexes = ["total", "female", "male"] as const;
type Sex = (typeof sexes)[number];
const sexPrefix: Record<Sex, string> = { total: "T", female: "F", male: "M" };

/** Catalog age groups OCHA's bands give exactly, and the bands each adds up. */
const exactAgeGroups: Record<string, readonly Band[] | "all"> = {
  total: "all",
  "0-14": ["00_04", "05_09", "10_14"],
  "60+": ["60_64", "65_69", "70_74", "75_79", "80Plus"],
};

const estimationRule: LocalizedText = {
  es: "ESTIMADO, no exacto: OCHA da la edad en grupos de cinco años y el de 15–19 mezcla menores y adultos. 0–17 = 0–4 + 5–9 + 10–14 + 3/5 de 15–19 (se supone el mismo número de personas en cada edad de 15 a 19), redondeado a personas por departamento y sexo; 18+ = total − 0–17; ambos sexos = mujeres + hombres; el total nacional es la suma de los 18 departamentos.",
  en: "ESTIMATED, not exact: OCHA gives age in five-year bands and 15–19 mixes minors and adults. 0–17 = 0–4 + 5–9 + 10–14 + 3/5 of 15–19 (the same number of people assumed at each age from 15 to 19), rounded to whole persons per department and sex; 18+ = total − 0–17; both sexes = women + men; the national figure is the sum of the 18 departments.",
};

/** One place's people by sex (total, female, male) and age group. */
type BySexAndAge = Record<Sex, Record<string, number>>;
/** A department's people by sex and OCHA column suffix (`TL`, `00_04` …), summed over municipalities. */
type Counts = Record<Sex, Record<Band | "TL", number>>;

function emptyCounts(): Counts {
  const zero = () =>
    Object.fromEntries([...ochaAgeBands, "TL"].map((b) => [b, 0])) as Record<Band | "TL", number>;
  return { total: zero(), female: zero(), male: zero() };
}

/** The municipalities' counts added up by department, every cell and sum checked. */
export function departmentCounts(
  csv: string,
  file: string,
): { year: number; counts: Map<string, Counts> } {
  const table = readCsv(csv);
  const column = (name: string) => {
    const at = table.header.indexOf(name);
    if (at < 0) throw new Error(`${file}: no column ${name}`);
    return at;
  };
  const years = new Set(table.records.map((r) => r.cells[column("year")]));
  if (years.size !== 1) throw new Error(`${file}: covers ${years.size} years, not one`);
  const counts = new Map<string, Counts>(departmentCodes.map((code) => [code, emptyCounts()]));
  for (const { row, cells } of table.records) {
    const where = `${file} line ${row}`;
    const byCode = departmentCode(cells[column("ADM1_PCODE")] ?? "", where);
    const byName = departmentCode(cells[column("ADM1_ES")] ?? "", where);
    if (byCode !== byName)
      throw new Error(`${where}: P-code ${byCode} and name ${byName} are different departments`);
    const department = counts.get(byCode) ?? emptyCounts();
    const read = (sex: Sex, suffix: Band | "TL") => {
      const name = `${sexPrefix[sex]}_${suffix}`;
      const cell = cells[column(name)] ?? "";
      if (!/^\d+$/.test(cell)) throw new Error(`${where}: ${name} is "${cell}"`);
      return Number(cell);
    };
    for (const suffix of [...ochaAgeBands, "TL"] as const) {
      const [total, female, male] = sexes.map((sex) => read(sex, suffix));
      if (total !== (female ?? 0) + (male ?? 0))
        throw new Error(`${where}: T_${suffix} is not F_${suffix} + M_${suffix}`);
    }
    for (const sex of sexes) {
      const bands = ochaAgeBands.reduce((sum, band) => sum + read(sex, band), 0);
      if (bands !== read(sex, "TL"))
        throw new Error(`${where}: ${sexPrefix[sex]}_TL is not the sum of its age bands`);
      for (const suffix of [...ochaAgeBands, "TL"] as const)
        department[sex][suffix] += read(sex, suffix);
    }
  }
  const empty = [...counts].filter(([, c]) => c.total.TL === 0).map(([code]) => code);
  if (empty.length > 0) throw new Error(`${file}: no municipality in ${empty.join(", ")}`);
  return { year: Number([...years][0]), counts };
}

function exact(counts: Counts): BySexAndAge {
  const bySex = (sex: Sex) =>
    Object.fromEntries(
      Object.entries(exactAgeGroups).map(([group, bands]) => [
        group,
        bands === "all" ? counts[sex].TL : bands.reduce((sum, band) => sum + counts[sex][band], 0),
      ]),
    );
  return { total: bySex("total"), female: bySex("female"), male: bySex("male") };
}

function estimated(counts: Counts): BySexAndAge {
  const bySex = (sex: "female" | "male") => {
    const c = counts[sex];
    // 3/5 of a whole number is never exactly half-way, so rounding has no tie to break.
    const minors = c["00_04"] + c["05_09"] + c["10_14"] + Math.round((3 * c["15_19"]) / 5);
    return { "0-17": minors, "18+": c.TL - minors };
  };
  const female = bySex("female");
  const male = bySex("male");
  return {
    total: { "0-17": female["0-17"] + male["0-17"], "18+": female["18+"] + male["18+"] },
    female,
    male,
  };
}

function sum(places: readonly BySexAndAge[]): BySexAndAge {
  const add = (sex: Sex) => {
    const out: Record<string, number> = {};
    for (const place of places)
      for (const [group, n] of Object.entries(place[sex])) out[group] = (out[group] ?? 0) + n;
    return out;
  };
  return { total: add("total"), female: add("female"), male: add("male") };
}

/**
 * Population denominators the app ships: OCHA's 2024 population by department (ISO 3166-2:HN),
 * sex and the catalog's age groups that five-year bands give exactly; 0–17 and 18+, which they
 * cannot give exactly, in a separate `estimated` block with their rule. The national figures are
 * the departments added up. Shape documented in data/SOURCE.md.
 */
export function populationAsset(csv: string, file: string): string {
  const { year, counts } = departmentCounts(csv, file);
  const departments = Object.fromEntries([...counts].map(([code, c]) => [code, exact(c)]));
  const estimates = Object.fromEntries([...counts].map(([code, c]) => [code, estimated(c)]));
  return `${JSON.stringify(
    {
      year,
      source: ochaSource,
      file,
      ageGroups: Object.keys(exactAgeGroups),
      national: sum(Object.values(departments)),
      departments,
      estimated: {
        ageGroups: ["0-17", "18+"],
        rule: estimationRule,
        national: sum(Object.values(estimates)),
        departments: estimates,
      },
    },
    null,
    2,
  )}\n`;
}

export const populationHnd2024: AssetDeriver = {
  output: "src/assets/population-hnd-2024.json",
  sources: [ochaSource],
  derive: async () =>
    populationAsset(readRawText(ochaSource, ochaPopulationFile), ochaPopulationFile),
};
