/** Formats the intake reads, told apart by their first bytes, never by the file's name. */
export type FileFormat = "csv" | "xlsx" | "parquet";

export function detectFormat(bytes: Uint8Array): FileFormat {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic === "PAR1") return "parquet";
  if (magic === "PK\u0003\u0004") return "xlsx";
  return "csv";
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

/** Files people pick by mistake that are none of the formats read: named, so the message can say what they are. */
const unsupported: readonly { kind: string; signature: readonly number[] }[] = [
  {
    kind: "Excel 97-2003 (.xls)",
    signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { kind: "PDF", signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: "gzip", signature: [0x1f, 0x8b] },
  { kind: "7-Zip", signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: "RAR", signature: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: "PNG", signature: [0x89, 0x50, 0x4e, 0x47] },
  { kind: "JPEG", signature: [0xff, 0xd8, 0xff] },
];

/** What an unsupported file is, e.g. "Excel 97-2003 (.xls)", or null when it may be one we read. */
export function unsupportedKind(bytes: Uint8Array): string | null {
  return unsupported.find((u) => startsWith(bytes, u.signature))?.kind ?? null;
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
