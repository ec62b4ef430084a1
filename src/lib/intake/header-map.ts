import { fold } from "../catalog/search-catalog";
import { type ObservationColumn, observationColumns } from "../observations/columns";

/**
 * Spanish and English names officers give each canonical column, as they write them in a
 * spreadsheet. Matching ignores accents, case, spaces and punctuation, so each name is listed
 * once ("Grupo de población" also matches "grupo_de_poblacion" and "GRUPO DE POBLACION").
 */
const synonyms: Record<ObservationColumn, readonly string[]> = {
  indicator_id: [
    "indicador",
    "id indicador",
    "id del indicador",
    "identificador del indicador",
    "codigo indicador",
    "código del indicador",
    "código de indicador",
    "clave del indicador",
    "indicator",
    "indicator id",
    "indicator code",
  ],
  period: [
    "periodo",
    "periodo de referencia",
    "trimestre",
    "fecha",
    "año",
    "anio",
    "mes",
    "period",
    "reference period",
    "time period",
    "quarter",
    "year",
    "month",
    "date",
  ],
  value: ["valor", "cifra", "dato", "cantidad", "número", "value", "figure", "amount"],
  sex: ["sexo", "género", "sex", "gender"],
  age_group: [
    "edad",
    "grupo de edad",
    "grupo edad",
    "grupos de edad",
    "grupo etario",
    "rango de edad",
    "rango etario",
    "age",
    "age group",
    "age range",
  ],
  population_group: [
    "grupo",
    "grupo de población",
    "grupo población",
    "grupos de población",
    "grupo poblacional",
    "población",
    "population group",
    "group",
  ],
  migration_status: [
    "condición migratoria",
    "estatus migratorio",
    "situación migratoria",
    "estado migratorio",
    "migration status",
    "migratory status",
  ],
  disability: [
    "discapacidad",
    "condición de discapacidad",
    "situación de discapacidad",
    "disability",
    "disability status",
  ],
  geography: [
    "geografía",
    "país",
    "país de contraparte",
    "país contraparte",
    "país de destino",
    "geography",
    "country",
    "counterpart country",
    "country of destination",
  ],
  department: [
    "departamento",
    "depto",
    "dpto",
    "departamento de origen",
    "departamento de residencia",
    "departamento de retorno",
    "departamento de destino",
    "department",
    "department of origin",
    "department of return",
  ],
  exploitation: [
    "forma de explotación",
    "formas de explotación",
    "tipo de explotación",
    "fin de explotación",
    "finalidad de explotación",
    "explotación",
    "exploitation",
    "form of exploitation",
    "type of exploitation",
    "purpose of exploitation",
  ],
  case_status: [
    "estado del caso",
    "estado de caso",
    "estado caso",
    "situación del caso",
    "estatus del caso",
    "case status",
    "status of the case",
  ],
  topic: ["tema", "temática", "área temática", "topic", "theme"],
  unit: ["unidad", "unidades", "unidad de medida", "unit", "units", "unit of measure"],
  obs_status: [
    "estado",
    "estado de la observación",
    "estado observación",
    "estado del dato",
    "observation status",
    "obs status",
    "status",
  ],
  source: ["fuente", "fuente del dato", "fuente de datos", "source", "data source"],
  note: [
    "nota",
    "notas",
    "comentario",
    "comentarios",
    "observaciones",
    "note",
    "notes",
    "comment",
    "comments",
    "remarks",
  ],
};

/** Lower case, no accents, every run of punctuation and spaces as one space. */
export function normaliseHeader(name: string): string {
  return fold(name.normalize("NFKC"))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const lookup = new Map<string, ObservationColumn>(
  observationColumns.flatMap((column) =>
    [column, ...synonyms[column]].map((name) => [normaliseHeader(name), column] as const),
  ),
);

/** A header ending in a parenthesis, as this app's own templates write it: «Sexo (sex)». */
const withParenthesis = /^(.*?)\s*\(([^()]*)\)\s*$/;

function mapOne(name: string): ObservationColumn | null {
  const whole = lookup.get(normaliseHeader(name));
  if (whole) return whole;
  const parts = withParenthesis.exec(name);
  if (!parts) return null;
  const outside = lookup.get(normaliseHeader(parts[1] ?? "")) ?? null;
  const inside = lookup.get(normaliseHeader(parts[2] ?? "")) ?? null;
  // «Grupo (edad)»: the two halves disagree, so neither is guessed; the officer maps it by hand.
  if (outside && inside && outside !== inside) return null;
  return outside ?? inside;
}

/** Canonical column for each header cell, or null where it cannot be mapped. */
export function mapHeader(header: readonly string[]): (ObservationColumn | null)[] {
  return header.map(mapOne);
}
