import { type ObservationColumn, observationColumns } from "../observations/columns";

/** Spanish and English spellings officers use for each canonical column. */
const synonyms: Record<ObservationColumn, readonly string[]> = {
  indicator_id: ["indicador", "indicator", "id_indicador", "codigo_indicador"],
  period: ["periodo", "período", "trimestre", "quarter", "fecha", "year", "año"],
  value: ["valor", "value", "cifra", "dato"],
  sex: ["sexo", "sex", "genero", "género"],
  age_group: ["edad", "grupo_edad", "grupo_de_edad", "age", "age group"],
  population_group: ["grupo", "grupo_poblacion", "grupo_de_poblacion", "population group"],
  migration_status: [
    "condicion_migratoria",
    "condición_migratoria",
    "estatus_migratorio",
    "migration status",
  ],
  disability: ["discapacidad", "disability"],
  geography: ["geografia", "geografía", "pais", "país", "geography", "country"],
  department: ["departamento", "depto", "department"],
  exploitation: [
    "forma_de_explotacion",
    "forma_de_explotación",
    "explotacion",
    "explotación",
    "exploitation",
    "form of exploitation",
  ],
  case_status: ["estado_del_caso", "estado_caso", "case status", "case_status"],
  topic: ["tema", "topic"],
  unit: ["unidad", "unit", "units"],
  obs_status: ["estado", "estado_observacion", "observation status", "status"],
  source: ["fuente", "source"],
  note: ["nota", "notas", "note", "notes", "comentario"],
};

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "_");
}

const lookup = new Map<string, ObservationColumn>(
  observationColumns.flatMap((column) =>
    [column, ...synonyms[column]].map((name) => [normalise(name), column] as const),
  ),
);

/** Canonical column for each header cell, or null where it cannot be mapped. */
export function mapHeader(header: readonly string[]): (ObservationColumn | null)[] {
  return header.map((name) => lookup.get(normalise(name)) ?? null);
}
