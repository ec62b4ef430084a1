import type { Catalog, DimensionName } from "../catalog/schema";
import { fold } from "../catalog/search-catalog";
import { detached } from "./detached-text";
import { createDepartmentRecoder } from "./recode-department";

/** Words officers write for a total: recoded to a blank cell (the Open SDG total). */
const totalWords = new Set(["total", "todos", "todas", "ambos sexos", "both sexes", "all", "_t"]);

const synonyms: Partial<Record<DimensionName, Record<string, string>>> = {
  sex: {
    f: "female",
    m: "male",
    mujer: "female",
    mujeres: "female",
    femenino: "female",
    women: "female",
    hombre: "male",
    hombres: "male",
    masculino: "male",
    men: "male",
  },
  age_group: {
    "menores de 18": "0-17",
    "menores de 18 anos": "0-17",
    "18 y mas": "18+",
    "18 anos y mas": "18+",
  },
};

export type Recoder = (dimension: DimensionName, text: string) => string;

/**
 * Maps what officers type to catalog codes: the code itself, its Spanish or English label, or a
 * common synonym, ignoring case and accents; a department also by the other ways files write it
 * (recode-department.ts). Unknown text is returned unchanged for the validator to report.
 */
export function createRecoder(catalog: Catalog): Recoder {
  const tables = new Map<DimensionName, Map<string, string>>();
  for (const dimension of catalog.dimensions) {
    const table = new Map<string, string>();
    for (const { code, label } of dimension.codes) {
      for (const name of [code, label.es, label.en]) table.set(fold(name), code);
    }
    for (const [name, code] of Object.entries(synonyms[dimension.id] ?? {})) table.set(name, code);
    for (const word of totalWords) table.set(word, "");
    tables.set(dimension.id, table);
  }
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
    const code =
      tables.get(dimension)?.get(fold(exact).replace(/\s+/g, " ")) ??
      (dimension === "department" ? recodeDepartment(exact) : null) ??
      exact;
    memo.set(detached(text), code);
    return code;
  };
}
