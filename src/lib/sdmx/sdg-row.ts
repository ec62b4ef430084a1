import type { DimensionName, Indicator } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import { neutraliseCell } from "../format/neutralise-cell";
import type { DataSource } from "../observations/data-sources";
import { parsePeriod } from "../observations/period";
import type { SdmxArtefacts } from "./kept-artefacts";
import { type ExportObservation, valueAndStatus } from "./observation-attributes";
import { isNone } from "./schema";
import { sourceDetail } from "./source-detail";

/** One SDMX observation: each component's code or value, by component id. */
export type SdmxRow = Record<string, string>;

/** Where an observation goes: a row of the SDG dataflow, or the reason it cannot be one. */
export type SdgPlacement = { row: SdmxRow } | { reason: string };

/** The components a structure writes after DATAFLOW, in SDMX-CSV order. */
export function componentIds(structure: SdmxArtefacts["sdgStructure"]): string[] {
  return [
    ...structure.dimensions.map((d) => d.id),
    structure.measure,
    ...structure.attributes.map((a) => a.id),
  ];
}

/** FREQ from the period itself (`2024`, `2024-Q3`, `2024-07`), else from the indicator. */
export function frequencyOf(
  observation: ExportObservation,
  indicator: Indicator,
  artefacts: SdmxArtefacts,
): string {
  const period = parsePeriod(observation.period);
  return artefacts.mapping.frequencies[
    period.ok ? period.period.periodicity : indicator.periodicity
  ];
}

/**
 * The observation as a row of the global SDG dataflow (IAEG-SDGs:SDG), or why it cannot be: a
 * breakdown the series does not carry, a code with no SDG equivalent. Null when the indicator has
 * no SDG series in the mapping (it goes to the national dataflow whole).
 */
export function sdgRow(
  observation: ExportObservation,
  indicator: Indicator,
  artefacts: SdmxArtefacts,
  sources: readonly DataSource[],
): SdgPlacement | null {
  const { mapping, sdgStructure } = artefacts;
  const entry = mapping.sdg.indicators[indicator.id];
  if (!entry) return null;
  const row: SdmxRow = Object.fromEntries(componentIds(sdgStructure).map((id) => [id, ""]));
  for (const dimension of sdgStructure.dimensions) row[dimension.id] = "_T";
  row.FREQ = frequencyOf(observation, indicator, artefacts);
  row.REPORTING_TYPE = mapping.sdg.reportingType;
  row.SERIES = entry.series;
  row.REF_AREA = mapping.sdg.refArea;
  row.TIME_PERIOD = observation.period;
  Object.assign(row, entry.fixed);

  const handled = new Set<DimensionName>();
  if (entry.seriesBy) {
    const { dimension, codes } = entry.seriesBy;
    handled.add(dimension);
    const code = observation.dimensions[dimension];
    if (code !== undefined) {
      const series = codes[code];
      if (series === undefined || isNone(series))
        return { reason: `${dimension} ${code}: ${series?.none ?? "no SDG series"}` };
      row.SERIES = series;
    }
  }
  if (entry.refAreaFrom) {
    handled.add(entry.refAreaFrom);
    const code = observation.dimensions[entry.refAreaFrom];
    if (code === undefined)
      return { reason: `${entry.refAreaFrom} total: the figures are other countries' own` };
    const area = mapping.sdg.referenceAreas[code];
    if (area === undefined || isNone(area))
      return { reason: `${entry.refAreaFrom} ${code}: ${area?.none ?? "no CL_AREA code"}` };
    row.REF_AREA = area;
  }
  for (const dimension of dimensionNames) {
    const code = observation.dimensions[dimension];
    if (code === undefined || handled.has(dimension)) continue;
    const target = mapping.sdg.dimensions[dimension];
    if (target.dsd === null) return { reason: `${dimension}: ${target.none}` };
    if (!entry.carries.includes(dimension))
      return { reason: `${dimension}: ${entry.series} is not broken down by ${target.dsd}` };
    const sdgCode = target.codes[code];
    if (sdgCode === undefined || isNone(sdgCode))
      return { reason: `${dimension} ${code}: ${sdgCode?.none ?? "no SDG code"}` };
    row[target.dsd] = sdgCode;
  }

  Object.assign(row, valueAndStatus(observation, mapping));
  row.UNIT_MEASURE = entry.unitMeasure;
  row.UNIT_MULT = mapping.unitMult;
  row.COMMENT_OBS = observation.note ? neutraliseCell(observation.note) : "";
  row.SOURCE_DETAIL = sourceDetail(observation.source, sources);
  return { row };
}
