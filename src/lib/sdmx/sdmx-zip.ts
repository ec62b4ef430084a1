import { zipSync } from "fflate";
import type { Catalog } from "../catalog/schema";
import { sha256Hex } from "../hash/sha256";
import type { DataSource } from "../observations/data-sources";
import type { SdmxArtefacts } from "./kept-artefacts";
import { nationalCodelists } from "./national-codelists";
import type { ExportObservation } from "./observation-attributes";
import { type ArtefactRef, type Codelist, type DataStructure, refText } from "./schema";
import { sdmxCsv } from "./sdmx-csv";
import { type RowsSetAside, splitDataflows } from "./split-dataflows";

export const sdmxManifestFile = "manifest.json";
export const sdmxCodelistsFile = "codelists.json";

export interface SdmxDataflowFile {
  file: string;
  dataflow: string;
  structure: string;
  rows: number;
  sha256: string;
  /** The codelists its coded components use, with their versions. */
  codelists: string[];
}

export interface SdmxManifest {
  format: "gcm-monitor-sdmx/1";
  sdmxCsv: "1.0.0";
  generatedAt: string;
  dataflows: SdmxDataflowFile[];
  /** Where the SDG structure and its codelists were copied from. */
  sdgStructureSource: DataStructure["source"];
  keptNational: RowsSetAside[];
  notExported: RowsSetAside[];
  sources: { id: string; publisher: string; licence: string; url?: string }[];
}

export const dataflowFileName = (dataflow: ArtefactRef) =>
  `${dataflow.agency}_${dataflow.id}_${dataflow.version}.csv`;

const codelistRefs = (structure: DataStructure) =>
  [...structure.dimensions, ...structure.attributes].flatMap((c) =>
    c.codelist === null ? [] : [c.codelist],
  );

/**
 * Everything exportable as SDMX-CSV 1.0, zipped: one file for the SDG dataflow, one for the
 * national one, the two structures, the codelists they use (the SDG ones as kept, the national
 * ones made from the current catalog) and a manifest naming versions, row counts, checksums,
 * what stayed national and why, and the publishers and licences of the data.
 */
export async function sdmxZip(
  observations: readonly ExportObservation[],
  catalog: Catalog,
  artefacts: SdmxArtefacts,
  sources: readonly DataSource[],
  now: Date,
): Promise<{ zip: Uint8Array; manifest: SdmxManifest }> {
  const { mapping, sdgStructure, nationalStructure } = artefacts;
  const split = splitDataflows(observations, catalog, artefacts, sources);
  const encoder = new TextEncoder();
  const national = nationalCodelists(catalog, mapping, nationalStructure).codelists;
  const codelists = new Map<string, Codelist>(artefacts.codelists);
  for (const list of national) codelists.set(`${list.agency}:${list.id}(${list.version})`, list);

  const files: Record<string, Uint8Array> = {};
  const dataflows: SdmxDataflowFile[] = [];
  for (const [dataflow, structure, rows] of [
    [mapping.sdg.dataflow, sdgStructure, split.sdg],
    [mapping.national.dataflow, nationalStructure, split.national],
  ] as const) {
    const bytes = encoder.encode(sdmxCsv(dataflow, structure, rows));
    const file = dataflowFileName(dataflow);
    files[file] = bytes;
    dataflows.push({
      file,
      dataflow: refText(dataflow),
      structure: refText(structure),
      rows: rows.length,
      sha256: await sha256Hex(bytes),
      codelists: codelistRefs(structure).filter((ref) => codelists.has(ref)),
    });
  }
  const used = new Set(dataflows.flatMap((d) => d.codelists));
  const named = new Set(observations.map((o) => o.source));
  const manifest: SdmxManifest = {
    format: "gcm-monitor-sdmx/1",
    sdmxCsv: "1.0.0",
    generatedAt: now.toISOString(),
    dataflows,
    sdgStructureSource: sdgStructure.source,
    keptNational: split.keptNational,
    notExported: split.notExported,
    sources: sources
      .filter((s) => named.has(s.id))
      .map((s) => ({
        id: s.id,
        publisher: s.publisher.en,
        licence: s.licence.name,
        ...(s.url ? { url: s.url } : {}),
      })),
  };
  const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
  files[sdmxManifestFile] = json(manifest);
  files[sdmxCodelistsFile] = json([...codelists.values()].filter((c) => used.has(refTextOf(c))));
  files[`structures/${structureFileName(sdgStructure)}`] = json(sdgStructure);
  files[`structures/${structureFileName(nationalStructure)}`] = json(nationalStructure);
  return { zip: zipSync(files), manifest };
}

const refTextOf = (c: Codelist) => `${c.agency}:${c.id}(${c.version})`;
const structureFileName = (s: DataStructure) => `${s.agency}.${s.id}.${s.version}.json`;
