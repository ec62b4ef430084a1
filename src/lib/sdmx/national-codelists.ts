import type { Catalog, DimensionName, LocalizedText, Unit } from "../catalog/schema";
import { units } from "../format/units";
import type { Codelist, CodelistFile, DataStructure, SdmxMapping } from "./schema";
import { parseRef } from "./schema";

const total: LocalizedText = { es: "Total (sin desagregar)", en: "Total (no breakdown)" };

const unitNames: Record<Unit, LocalizedText> = {
  count: { es: "Número", en: "Number" },
  percent: { es: "Porcentaje", en: "Percent" },
  ratio: { es: "Razón", en: "Ratio" },
  rate_per_100k: { es: "Tasa por 100 000", en: "Rate per 100,000" },
  currency_usd: { es: "Dólares estadounidenses", en: "US dollars" },
  score: { es: "Puntaje", en: "Score" },
  yes_no: { es: "Sí (1) o no (0)", en: "Yes (1) or no (0)" },
  milestone: {
    es: "Etapa (0 sin iniciar, 1 en curso, 2 adoptado)",
    en: "Stage (0 not started, 1 in progress, 2 adopted)",
  },
};

/** Our code's code in the national dataflow: the mapping's, or our own. */
export function nationalCode(mapping: SdmxMapping, dimension: DimensionName, code: string): string {
  return mapping.national.dimensions[dimension].codes?.[code] ?? code;
}

function codelistOf(
  structure: DataStructure,
  componentId: string,
  name: LocalizedText,
  codes: { id: string; name: LocalizedText }[],
): Codelist | null {
  const ref = parseRef(
    structure.dimensions.concat(structure.attributes).find((c) => c.id === componentId)?.codelist ??
      "",
  );
  if (!ref || ref.agency !== structure.agency) return null;
  return {
    agency: ref.agency,
    id: ref.id,
    version: ref.version,
    name,
    complete: true,
    codesInSource: codes.length,
    codes,
  };
}

/**
 * The national dataflow's own codelists, made from the catalog: one per dimension whose codes are
 * ours (the SDG codelists serve sex and disability), the indicators, and the units. The file kept
 * in `indicators/sdmx/codelists/HN.json` must equal this (a test checks it).
 */
export function nationalCodelists(
  catalog: Catalog,
  mapping: SdmxMapping,
  structure: DataStructure,
): CodelistFile {
  const lists: Codelist[] = [];
  const add = (list: Codelist | null) => {
    if (list) lists.push(list);
  };
  add(
    codelistOf(
      structure,
      "INDICATOR",
      { es: "Indicadores del Monitor PMM", en: "GCM Monitor indicators" },
      catalog.indicators.map((i) => ({ id: i.id, name: { es: i.title.es, en: i.title.en } })),
    ),
  );
  for (const dimension of catalog.dimensions) {
    add(
      codelistOf(
        structure,
        mapping.national.dimensions[dimension.id].dsd,
        { es: dimension.title.es, en: dimension.title.en },
        [
          { id: "_T", name: total },
          ...dimension.codes.map((c) => ({
            id: nationalCode(mapping, dimension.id, c.code),
            name: { es: c.label.es, en: c.label.en },
          })),
        ],
      ),
    );
  }
  add(
    codelistOf(
      structure,
      "UNIT_MEASURE",
      { es: "Unidades de medida", en: "Units of measure" },
      units.map((u) => ({ id: u, name: unitNames[u] })),
    ),
  );
  return {
    source: {
      note: "Generated from the catalog (indicators/) by `npm run gcm -- sdmx --write-codelists`; see indicators/sdmx/SOURCE.md.",
    },
    codelists: lists,
  };
}
