import type { Deriver } from "./deriver";
import { glotipRows } from "./glotip-rows";
import { glotipSource, readGlotip } from "./glotip-table";
import { tidyCsv } from "./tidy-csv";

function glotipDeriver(indicator: string, indicatorId: string): Deriver {
  return {
    output: `${indicatorId}.csv`,
    sources: [glotipSource],
    derive: async () =>
      tidyCsv(glotipRows(await readGlotip(), indicator, indicatorId, glotipSource)),
  };
}

/** SDG 16.2.2 (series VC_HTF_DETV): victims detected by Honduras' authorities. */
export const traffickingVictimsDetectedUnodc = glotipDeriver(
  "Detected trafficking victims",
  "trafficking-victims-detected-unodc",
);
export const traffickingPersonsProsecutedUnodc = glotipDeriver(
  "Persons prosecuted",
  "trafficking-persons-prosecuted-unodc",
);
export const traffickingPersonsConvictedUnodc = glotipDeriver(
  "Persons convicted",
  "trafficking-persons-convicted-unodc",
);
