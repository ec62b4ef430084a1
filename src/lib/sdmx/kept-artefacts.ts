import hnCodelists from "../../../indicators/sdmx/codelists/HN.json";
import sdgCodelists from "../../../indicators/sdmx/codelists/IAEG-SDGs.json";
import sdmxCodelists from "../../../indicators/sdmx/codelists/SDMX.json";
import mappingJson from "../../../indicators/sdmx/mapping.json";
import nationalStructureJson from "../../../indicators/sdmx/structures/HN.GCM_MONITOR.1.0.json";
import sdgStructureJson from "../../../indicators/sdmx/structures/IAEG-SDGs.SDG.1.14.json";
import {
  type Codelist,
  type CodelistFile,
  codelistFile,
  type DataStructure,
  dataStructure,
  type SdmxMapping,
  sdmxMapping,
} from "./schema";

/** The SDMX artefacts kept in `indicators/sdmx/` (see its SOURCE.md), parsed once. */
export interface SdmxArtefacts {
  mapping: SdmxMapping;
  sdgStructure: DataStructure;
  nationalStructure: DataStructure;
  /** Every kept codelist, by `AGENCY:ID(VERSION)`. */
  codelists: ReadonlyMap<string, Codelist>;
}

export function codelistIndex(files: readonly CodelistFile[]): Map<string, Codelist> {
  return new Map(
    files.flatMap((f) => f.codelists.map((c) => [`${c.agency}:${c.id}(${c.version})`, c] as const)),
  );
}

export const keptArtefacts: SdmxArtefacts = {
  mapping: sdmxMapping.parse(mappingJson),
  sdgStructure: dataStructure.parse(sdgStructureJson),
  nationalStructure: dataStructure.parse(nationalStructureJson),
  codelists: codelistIndex(
    [sdgCodelists, sdmxCodelists, hnCodelists].map((f) => codelistFile.parse(f)),
  ),
};
