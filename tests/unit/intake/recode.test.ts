import { describe, expect, it } from "vitest";
import type { DimensionName } from "../../../src/lib/catalog/schema";
import { createRecoder } from "../../../src/lib/intake/recode";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const recode = createRecoder(catalog);

/**
 * Spellings found in ministry tables and officers' files for each code, written out by hand
 * (singular and plural, both genders, with and without accents, any case): never generated from
 * the catalog's labels the way the recoder reads them.
 */
const variants: Partial<Record<DimensionName, Record<string, readonly string[]>>> = {
  sex: {
    female: ["Mujeres", "mujer", "MUJER", "Femenino", "F", "Female", "females", "Women"],
    male: ["Hombres", "Hombre", "hombre", "Masculino", "M", "Male", "Males", "Men"],
    other: ["Otro", "Otra", "Otros", "otras", "Other"],
  },
  population_group: {
    unaccompanied: [
      "No acompañados",
      "No acompañado",
      "No acompañada",
      "No acompañadas",
      "no acompanados",
      "NO ACOMPAÑADO",
      "Unaccompanied",
    ],
    accompanied: ["Acompañados", "Acompañado", "Acompañada", "acompanadas", "Accompanied"],
    gbv_survivor: [
      "Sobrevivientes de violencia sexual o de género",
      "Sobreviviente de violencia sexual o de genero",
      "Survivor of sexual or gender-based violence",
    ],
    lgbti: ["LGBTI", "lgbti"],
  },
  migration_status: {
    returned: ["Retornado", "Retornada", "Retornados", "retornadas", "Returned"],
    deported: ["Deportado", "Deportada", "Deportados", "Deportadas"],
    internally_displaced: [
      "Desplazado interno",
      "Desplazada interna",
      "Desplazados internos",
      "Desplazadas internas",
      "Internally displaced",
    ],
    abroad: [
      "Hondureño en el exterior",
      "Hondureña en el exterior",
      "Hondureños en el exterior",
      "hondurenas en el exterior",
    ],
    in_transit: ["En tránsito", "en transito", "In transit"],
    non_migrant: ["Población no migrante", "Poblaciones no migrantes"],
    voluntary_return: ["Retorno voluntario o asistido", "Retornos voluntarios o asistidos"],
  },
  disability: {
    with_disability: [
      "Con discapacidad",
      "con discapacidad (Grupo de Washington)",
      "With disability",
    ],
    without_disability: ["Sin discapacidad", "SIN DISCAPACIDAD", "Without disability"],
  },
  age_group: {
    "0-17": ["0-17", "0–17 años", "0 a 17 años", "Menores de 18 años", "Niñez y adolescencia"],
    "18+": ["18+", "18 años o más", "18 años y más", "18 y mas", "Mayores de 18 años"],
    "60+": ["60+", "60 años o más", "Adultos mayores", "Personas adultas mayores"],
  },
  exploitation: {
    sexual_exploitation: ["Explotación sexual", "explotacion sexual", "Sexual exploitation"],
    forced_labour: ["Trabajo forzoso", "Trabajos forzosos", "Forced labour"],
    other_purposes: ["Otros fines", "Otro fin", "Other purposes"],
  },
  case_status: {
    open: ["Abierto", "Abierta", "Abiertos", "Abierto (sin localizar)"],
    located_alive: ["Localizada con vida", "Localizado con vida", "Localizados con vida"],
    located_deceased: ["Localizada sin vida", "Localizado sin vida", "Localizadas sin vida"],
  },
  topic: {
    internal_displacement: ["Desplazamiento interno", "Desplazamientos internos"],
    children: ["Niñez migrante", "Ninez migrante"],
    labour: ["Migración laboral", "migracion laboral"],
  },
  geography: {
    USA: ["Estados Unidos", "estados unidos", "United States", "USA"],
    MEX: ["México", "Mexico"],
    OTHER: ["Otros países", "Otro país", "Other countries"],
  },
};

describe("createRecoder: the category names officers write", () => {
  for (const [dimension, codes] of Object.entries(variants)) {
    for (const [code, spellings] of Object.entries(codes ?? {})) {
      it(`reads ${dimension} = ${code} in every listed spelling`, () => {
        expect(spellings.map((s) => recode(dimension as DimensionName, s))).toEqual(
          spellings.map(() => code),
        );
      });
    }
  }

  it("reads the words for a total as the total (a blank cell)", () => {
    expect(["Total", "TOTAL", "Ambos sexos", "todos"].map((s) => recode("sex", s))).toEqual([
      "",
      "",
      "",
      "",
    ]);
  });

  it("does not guess across categories: an accompanied child is never read as unaccompanied", () => {
    expect(recode("population_group", "Acompañada")).toBe("accompanied");
    expect(recode("population_group", "No acompañada")).toBe("unaccompanied");
    expect(recode("migration_status", "Retornados")).toBe("returned");
    expect(recode("migration_status", "Retorno")).toBe("Retorno");
    expect(recode("disability", "Discapacidad")).toBe("Discapacidad");
  });

  it("leaves unknown text and near misses unchanged for the validator to refuse", () => {
    for (const [dimension, text] of [
      ["sex", "Mujeress"],
      ["population_group", "Acompañantes"],
      ["age_group", "18"],
      ["case_status", "Cerrado"],
    ] as const)
      expect(recode(dimension, text)).toBe(text);
  });
});
