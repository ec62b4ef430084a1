import type { Catalog } from "../catalog/schema";
import type { DataSource } from "../observations/data-sources";
import type { SdmxArtefacts } from "./kept-artefacts";
import { nationalRow } from "./national-row";
import type { ExportObservation } from "./observation-attributes";
import { type SdmxRow, sdgRow } from "./sdg-row";

/** Rows of one indicator left where they are, and why. */
export interface RowsSetAside {
  indicator: string;
  reason: string;
  rows: number;
}

export interface DataflowRows {
  sdg: SdmxRow[];
  national: SdmxRow[];
  /** Rows of SDG indicators the SDG structure cannot express, written to the national dataflow. */
  keptNational: RowsSetAside[];
  /** Rows not written anywhere: demo rows, indicators no longer in the catalog. */
  notExported: RowsSetAside[];
}

function tally(list: RowsSetAside[], indicator: string, reason: string): void {
  const found = list.find((r) => r.indicator === indicator && r.reason === reason);
  if (found) found.rows++;
  else list.push({ indicator, reason, rows: 1 });
}

/**
 * Each observation into the SDG dataflow when its indicator follows an SDG series exactly and the
 * SDG structure can say all its breakdown, into the national dataflow otherwise. Demo rows are
 * never exported.
 */
export function splitDataflows(
  observations: readonly ExportObservation[],
  catalog: Catalog,
  artefacts: SdmxArtefacts,
  sources: readonly DataSource[],
): DataflowRows {
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const result: DataflowRows = { sdg: [], national: [], keptNational: [], notExported: [] };
  for (const observation of observations) {
    if (observation.obs_status === "illustrative") {
      tally(result.notExported, observation.indicator_id, "illustrative (demo) row");
      continue;
    }
    const indicator = indicators.get(observation.indicator_id);
    if (!indicator) {
      tally(result.notExported, observation.indicator_id, "indicator not in the catalog");
      continue;
    }
    const placed = sdgRow(observation, indicator, artefacts, sources);
    if (placed && "row" in placed) {
      result.sdg.push(placed.row);
      continue;
    }
    if (placed) tally(result.keptNational, indicator.id, placed.reason);
    result.national.push(nationalRow(observation, indicator, artefacts, sources));
  }
  return result;
}
