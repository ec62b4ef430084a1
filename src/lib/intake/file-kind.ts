import { binaryKindNames, readableKinds, sniffBinary } from "./sniff-binary";

/** Formats the intake reads, told apart by their first bytes, never by the file's name. */
export type FileFormat = "csv" | "xlsx" | "parquet";

export function detectFormat(bytes: Uint8Array): FileFormat {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic === "PAR1") return "parquet";
  if (magic === "PK\u0003\u0004") return "xlsx";
  return "csv";
}

/**
 * What a file that is none of the formats read is, e.g. "Excel 97-2003 (.xls)" or "bzip2", named
 * from its first bytes (sniff-binary.ts), or null when it may be one we read.
 */
export function unsupportedKind(bytes: Uint8Array): string | null {
  const kind = sniffBinary(bytes);
  return kind === null || readableKinds.has(kind) ? null : binaryKindNames[kind];
}

const formatOfExtension: Record<string, FileFormat | "xls"> = {
  csv: "csv",
  tsv: "csv",
  txt: "csv",
  xlsx: "xlsx",
  xlsm: "xlsx",
  xls: "xls",
  parquet: "parquet",
};

/** The name's extension when it promises another format than the content has, e.g. ".csv" for a workbook. */
export function misleadingExtension(fileName: string, format: FileFormat): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === undefined || !Object.hasOwn(formatOfExtension, extension)) return null;
  return formatOfExtension[extension] === format ? null : `.${extension}`;
}

export const formatNames: Record<FileFormat, string> = {
  csv: "CSV",
  xlsx: "XLSX",
  parquet: "Parquet",
};
