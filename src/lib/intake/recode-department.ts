import type { Dimension } from "../catalog/schema";
import { fold } from "../catalog/search-catalog";

/**
 * OCHA's P-codes of Honduras' departments (`ADM1_PCODE`), paired with the ISO 3166-2:HN codes as
 * `data/raw/ocha-codps_hnd_admpop_adm2_2024.csv` pairs them with names (`ADM1_ES`). They follow
 * the national statistics numbering, not the ISO codes' alphabetical order: HN02 is Colón and
 * HN06 Choluteca. A test reads the OCHA file and checks every pair.
 */
export const ochaDepartmentPcodes: Readonly<Record<string, string>> = {
  HN01: "HN-AT",
  HN02: "HN-CL",
  HN03: "HN-CM",
  HN04: "HN-CP",
  HN05: "HN-CR",
  HN06: "HN-CH",
  HN07: "HN-EP",
  HN08: "HN-FM",
  HN09: "HN-GD",
  HN10: "HN-IN",
  HN11: "HN-IB",
  HN12: "HN-LP",
  HN13: "HN-LE",
  HN14: "HN-OC",
  HN15: "HN-OL",
  HN16: "HN-SB",
  HN17: "HN-VA",
  HN18: "HN-YO",
};

/** Names in use that are neither the catalog's Spanish nor its English label. */
const otherNames: Readonly<Record<string, string>> = {
  // The English name of the islands' department, in English-language tables.
  "bay islands": "HN-IB",
};

/** Words around a department's name that do not change which department it is. */
const prefix = /^(?:departamento|depto|dpto|dept|department)\s+(?:(?:de|del|of)\s+)?/;
const suffix = /\s+(?:department|departamento)$/;

/** Lower case, no accents, punctuation and runs of spaces as one space. */
function normalise(text: string): string {
  return fold(text.normalize("NFKC"))
    .replace(/[.,;:_()'"-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A code written with or without its separator: `HN-AT`, `hn at`, `HN_AT`, `HN01`, `HN 01`. */
function compactCode(normalised: string): string | null {
  const compact = normalised.replace(/ /g, "");
  return /^hn(?:[a-z]{2}|\d{2})$/.test(compact) ? compact : null;
}

/** Returns the ISO 3166-2:HN code a spelling means, or null when it means none. */
export type DepartmentRecoder = (text: string) => string | null;

/**
 * Recognises the ways files write a Honduran department: the ISO 3166-2:HN code, OCHA's P-code,
 * the catalog's Spanish or English name with or without accents, in any case, with a
 * "Departamento de" / "Depto." / "Dpto." prefix. Anything else (a city, a misspelling) is null:
 * a near miss is never guessed at.
 */
export function createDepartmentRecoder(departments: Dimension): DepartmentRecoder {
  const known = new Set(departments.codes.map((c) => c.code));
  const codes = new Map<string, string>();
  const names = new Map<string, string>();
  for (const { code, label } of departments.codes) {
    codes.set(normalise(code).replace(/ /g, ""), code);
    names.set(normalise(label.es), code);
    names.set(normalise(label.en), code);
  }
  for (const [pcode, code] of Object.entries(ochaDepartmentPcodes))
    if (known.has(code)) codes.set(pcode.toLowerCase(), code);
  for (const [name, code] of Object.entries(otherNames)) if (known.has(code)) names.set(name, code);

  return (text) => {
    const normalised = normalise(text);
    const compact = compactCode(normalised);
    if (compact !== null) return codes.get(compact) ?? null;
    const name = normalised.replace(prefix, "").replace(suffix, "");
    return names.get(name) ?? null;
  };
}
