import Papa from "papaparse";
import { type ArtefactRef, type DataStructure, refText } from "./schema";
import { componentIds, type SdmxRow } from "./sdg-row";

/** SDMX-CSV 1.0 (the SDMX 2.1 format): records end with CRLF, as RFC 4180 says. */
export const sdmxCsvNewline = "\r\n";

/** The header SDMX-CSV 1.0 writes: DATAFLOW, the dimensions in DSD order, OBS_VALUE, the attributes. */
export function sdmxCsvHeader(structure: DataStructure): string[] {
  return ["DATAFLOW", ...componentIds(structure)];
}

/**
 * One dataflow's rows as SDMX-CSV 1.0 (labels=id, timeFormat=original): every dimension and
 * attribute of the structure has its column, filled or not, so the file's shape is the DSD's.
 */
export function sdmxCsv(
  dataflow: ArtefactRef,
  structure: DataStructure,
  rows: readonly SdmxRow[],
): string {
  const header = sdmxCsvHeader(structure);
  const ref = refText(dataflow);
  const data = rows.map((row) => [ref, ...header.slice(1).map((id) => row[id] ?? "")]);
  return `${Papa.unparse({ fields: header, data }, { newline: sdmxCsvNewline })}${sdmxCsvNewline}`;
}
