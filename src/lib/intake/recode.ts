import type { Catalog, DimensionName } from "../catalog/schema";
import { fold } from "../catalog/search-catalog";
import { detached } from "./detached-text";
import { createDepartmentRecoder } from "./recode-department";

/** Words officers write for a total: recoded to a blank cell (the Open SDG total). */
const totalWords = ["total", "todos", "todas", "ambos sexos", "both sexes", "all", "_t"];

/**
 * Names in use that are neither a code nor a label, nor a singular, plural or other gender of
 * one: checked by hand against the catalog's definitions of each code.
 */
const synonyms: Partial<Record<DimensionName, Record<string, string>>> = {
  sex: {
    f: "female",
    m: "male",
    femenino: "female",
    women: "female",
    masculino: "male",
    men: "male",
  },
  geography: {
    "otro país": "OTHER",
    "otros países": "OTHER",
    "other country": "OTHER",
  },
  age_group: {
    "menores de 18": "0-17",
    "menores de 18 años": "0-17",
    "0 a 17 años": "0-17",
    "de 0 a 17 años": "0-17",
    "niñez y adolescencia": "0-17",
    "niñas, niños y adolescentes": "0-17",
    "18 y más": "18+",
    "18 años y más": "18+",
    "mayores de 18 años": "18+",
    "60 y más": "60+",
    "60 años y más": "60+",
    "personas adultas mayores": "60+",
    "adultos mayores": "60+",
  },
};

/** Lower case, no accents, punctuation as spaces; `+` kept (18+ is not 18). */
function normalise(text: string): string {
  return fold(text.normalize("NFKC"))
    .replace(/[^\p{L}\p{N}+]+/gu, " ")
    .trim();
}

/**
 * The forms one Spanish or English word may take in a category's name, reduced to what they
 * share: plural `-s`/`-es` dropped, then a final gender vowel (`-o`, `-a`, `-e`). So
 * «acompañados», «acompañada» and «acompañado» meet at «acompanad», and «mujeres» and «mujer» at
 * «mujer». A word may reduce more than one way (país / países); all ways are kept.
 */
function stems(word: string): string[] {
  if (word.length <= 3 || /\d/.test(word)) return [word];
  const forms = new Set([word]);
  // One plural ending at most: «mujeress» is a typo, not a plural of «mujeres».
  const singular = (form: string) => {
    if (!form.endsWith("s")) forms.add(form);
  };
  if (word.endsWith("es") && word.length > 4) singular(word.slice(0, -2));
  if (word.endsWith("s")) singular(word.slice(0, -1));
  const reduced = new Set<string>();
  for (const form of forms)
    reduced.add(form.length > 3 && /[aeo]$/.test(form) ? form.slice(0, -1) : form);
  return [...reduced];
}

/** Every reduced spelling of a name; long texts (notes pasted in a cell) have none. */
function inflectionKeys(normalised: string): string[] {
  const words = normalised.split(" ").filter((w) => w !== "");
  if (words.length === 0 || words.length > 8) return [];
  let keys = [""];
  for (const word of words) {
    const next: string[] = [];
    for (const key of keys)
      for (const stem of stems(word)) next.push(key === "" ? stem : `${key} ${stem}`);
    keys = next;
  }
  return keys;
}

/** A catalog label without its parenthesised gloss: «Abierto (sin localizar)» → «Abierto». */
const withoutGloss = (label: string) => label.replace(/\s*\([^()]*\)\s*$/, "");

export type Recoder = (dimension: DimensionName, text: string) => string;

interface DimensionTables {
  exact: Map<string, string>;
  /** Reduced spellings of each name; one that two codes share is left out, never guessed. */
  inflected: Map<string, string | null>;
}

/**
 * Dimensions whose categories are places: their names do not inflect, so a letter less is a near
 * miss («Atlantid»), refused rather than read as Atlántida.
 */
const properNames: ReadonlySet<DimensionName> = new Set<DimensionName>(["department", "geography"]);

function tablesFor(
  codes: readonly { code: string; label: { es: string; en: string } }[],
  extra: Record<string, string>,
  inflects: boolean,
): DimensionTables {
  const exact = new Map<string, string>();
  const inflected = new Map<string, string | null>();
  const names: [string, string][] = [];
  for (const { code, label } of codes)
    for (const name of [code, label.es, label.en, withoutGloss(label.es), withoutGloss(label.en)])
      names.push([name, code]);
  for (const [name, code] of Object.entries(extra)) names.push([name, code]);
  for (const [name, code] of names) {
    exact.set(normalise(name), code);
    if (!inflects) continue;
    for (const key of inflectionKeys(normalise(name))) {
      const known = inflected.get(key);
      inflected.set(key, known === undefined || known === code ? code : null);
    }
  }
  for (const word of totalWords) exact.set(normalise(word), "");
  return { exact, inflected };
}

/** The one code a text's reduced spellings point to, or null when none or two do. */
function byInflection(tables: DimensionTables, normalised: string): string | null {
  const found = new Set<string>();
  for (const key of inflectionKeys(normalised)) {
    const code = tables.inflected.get(key);
    if (code === null) return null;
    if (code !== undefined) found.add(code);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * Maps what officers type to catalog codes: the code itself, its Spanish or English label, the
 * label's singular or plural and either gender («No acompañado», «Retornadas»), or a listed
 * synonym, ignoring case, accents and punctuation; a department also by the other ways files
 * write it (recode-department.ts). A spelling that could mean two codes, and any unknown text,
 * is returned unchanged for the validator to report.
 */
export function createRecoder(catalog: Catalog): Recoder {
  const tables = new Map<DimensionName, DimensionTables>();
  for (const dimension of catalog.dimensions)
    tables.set(
      dimension.id,
      tablesFor(dimension.codes, synonyms[dimension.id] ?? {}, !properNames.has(dimension.id)),
    );
  const departments = catalog.dimensions.find((d) => d.id === "department");
  const recodeDepartment = departments ? createDepartmentRecoder(departments) : () => null;
  // Files repeat the same few category spellings: remember each answer, per dimension.
  const memos = new Map<DimensionName, Map<string, string>>();
  return (dimension, text) => {
    let memo = memos.get(dimension);
    if (!memo) {
      memo = new Map();
      memos.set(dimension, memo);
    }
    const known = memo.get(text);
    if (known !== undefined) return known;
    const exact = text.trim();
    const normalised = normalise(exact);
    const table = tables.get(dimension);
    const code =
      table?.exact.get(normalised) ??
      (dimension === "department" ? recodeDepartment(exact) : null) ??
      (table ? byInflection(table, normalised) : null) ??
      exact;
    memo.set(detached(text), code);
    return code;
  };
}
