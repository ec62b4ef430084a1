import type { Indicator } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import { neutraliseCell } from "../format/neutralise-cell";
import type { DataSource } from "../observations/data-sources";
import type { SdmxArtefacts } from "./kept-artefacts";
import { nationalCode } from "./national-codelists";
import { type ExportObservation, valueAndStatus } from "./observation-attributes";
import { componentIds, frequencyOf, type SdmxRow } from "./sdg-row";
import { sourceDetail } from "./source-detail";

/**
 * The observation as a row of the national dataflow (HN:DF_GCM_MONITOR): every indicator and
 * every catalog code has a place there, so nothing is lost.
 */
export function nationalRow(
  observation: ExportObservation,
  indicator: Indicator,
  artefacts: SdmxArtefacts,
  sources: readonly DataSource[],
): SdmxRow {
  const { mapping, nationalStructure } = artefacts;
  const row: SdmxRow = Object.fromEntries(componentIds(nationalStructure).map((id) => [id, ""]));
  row.FREQ = frequencyOf(observation, indicator, artefacts);
  row.REF_AREA = mapping.national.refArea;
  row.INDICATOR = indicator.id;
  for (const dimension of dimensionNames) {
    const code = observation.dimensions[dimension];
    row[mapping.national.dimensions[dimension].dsd] =
      code === undefined ? "_T" : nationalCode(mapping, dimension, code);
  }
  row.TIME_PERIOD = observation.period;
  Object.assign(row, valueAndStatus(observation, mapping));
  row.UNIT_MEASURE = indicator.unit;
  row.UNIT_MULT = mapping.unitMult;
  row.COMMENT_OBS = observation.note ? neutraliseCell(observation.note) : "";
  row.SOURCE_DETAIL = sourceDetail(observation.source, sources);
  return row;
}
