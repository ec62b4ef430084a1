import { describe, expect, it } from "vitest";
import en from "../../../src/lib/i18n/locales/en.json";
import es from "../../../src/lib/i18n/locales/es.json";
import { mapHeader } from "../../../src/lib/intake/header-map";
import { observationColumns } from "../../../src/lib/observations/columns";

describe("mapHeader: column names as officers write them", () => {
  it("reads natural Spanish headers with or without accents, in any case, spacing or punctuation", () => {
    const cases: [string, string][] = [
      ["Grupo de población", "population_group"],
      ["Grupo de poblacion", "population_group"],
      ["GRUPO DE POBLACIÓN", "population_group"],
      ["grupo_de_población", "population_group"],
      ["  Grupo   de  población: ", "population_group"],
      ["Período", "period"],
      ["Año", "period"],
      ["Condición migratoria", "migration_status"],
      ["Situación migratoria", "migration_status"],
      ["Departamento de origen", "department"],
      ["Depto.", "department"],
      ["Forma de explotación", "exploitation"],
      ["Tipo de explotación", "exploitation"],
      ["Estado del caso", "case_status"],
      ["Temática", "topic"],
      ["Estado de la observación", "obs_status"],
      ["Observaciones", "note"],
      ["Código del indicador", "indicator_id"],
      ["Grupo etario", "age_group"],
      ["País de destino", "geography"],
    ];
    expect(mapHeader(cases.map(([h]) => h))).toEqual(cases.map(([, c]) => c));
  });

  it("reads the English names and the canonical codes", () => {
    expect(
      mapHeader([
        "Population group",
        "Department of origin",
        "Form of exploitation",
        "Case status",
        "Topic",
        "indicator_id",
        "case_status",
      ]),
    ).toEqual([
      "population_group",
      "department",
      "exploitation",
      "case_status",
      "topic",
      "indicator_id",
      "case_status",
    ]);
  });

  it("tells the status of a case from the status of an observation", () => {
    expect(mapHeader(["Estado", "Estado del caso"])).toEqual(["obs_status", "case_status"]);
  });

  it("reads every column name the app itself shows, with its code beside it as its templates write it", () => {
    for (const names of [es.columns, en.columns]) {
      const labels = observationColumns.map((c) => names[c]);
      expect(mapHeader(labels)).toEqual([...observationColumns]);
      expect(mapHeader(observationColumns.map((c) => `${names[c]} (${c})`))).toEqual([
        ...observationColumns,
      ]);
    }
  });

  it("guesses nothing: unknown names and contradictory halves stay unmapped", () => {
    expect(mapHeader(["Nacionalidad", "Sexo (edad)", "", "Valor (%)", "Comentario libre"])).toEqual(
      [null, null, null, "value", null],
    );
  });
});
