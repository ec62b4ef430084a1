/**
 * What a file is, from its first bytes ("magic numbers"), never from its name: so a file an
 * officer picks by mistake (an R data file, a PDF, a zipped folder) is named for what it is
 * instead of being read as CSV in a jumble of encodings. Pure: bytes in, a kind out.
 */
import { Gunzip, unzipSync } from "fflate";

export const binaryKinds = [
  "xlsx",
  "parquet",
  "xls",
  "ods",
  "zip",
  "gzip",
  "gzip-rdata",
  "bzip2",
  "xz",
  "7z",
  "rar",
  "rdata",
  "pdf",
  "png",
  "jpeg",
  "gif",
  "sqlite",
] as const;
export type BinaryKind = (typeof binaryKinds)[number];

/** The kinds the intake reads; every other kind is refused, named. */
export const readableKinds: ReadonlySet<BinaryKind> = new Set(["xlsx", "parquet"]);

/** Each kind's name as the same in Spanish and English, shown in findings' detail. */
export const binaryKindNames: Record<BinaryKind, string> = {
  xlsx: "XLSX",
  parquet: "Parquet",
  xls: "Excel 97-2003 (.xls)",
  ods: "OpenDocument (.ods)",
  zip: "ZIP",
  gzip: "gzip",
  "gzip-rdata": "R (.rda, gzip)",
  bzip2: "bzip2",
  xz: "xz",
  "7z": "7-Zip",
  rar: "RAR",
  rdata: "R (.rda)",
  pdf: "PDF",
  png: "PNG",
  jpeg: "JPEG",
  gif: "GIF",
  sqlite: "SQLite",
};

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.byteLength >= signature.length && signature.every((byte, i) => bytes[i] === byte);

const signatures: readonly { kind: BinaryKind; signature: readonly number[] }[] = [
  { kind: "parquet", signature: ascii("PAR1") },
  { kind: "xls", signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: "pdf", signature: ascii("%PDF-") },
  { kind: "7z", signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: "rar", signature: ascii("Rar!\u001a\u0007") },
  { kind: "xz", signature: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: "png", signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: "jpeg", signature: [0xff, 0xd8, 0xff] },
  { kind: "gif", signature: ascii("GIF8") },
  { kind: "sqlite", signature: ascii("SQLite format 3\u0000") },
];

/** R's save() format (RDX2, RDX3) and its ASCII variant (RDA2, RDA3), uncompressed. */
const isRData = (bytes: Uint8Array) =>
  /^RD[XAB][23]\n/.test(String.fromCharCode(...bytes.subarray(0, 5)));

/** bzip2: "BZh" and the block size, 1 to 9. */
const isBzip2 = (bytes: Uint8Array) =>
  startsWith(bytes, ascii("BZh")) && (bytes[3] ?? 0) >= 0x31 && (bytes[3] ?? 0) <= 0x39;

/** The first bytes a gzip stream unpacks to, or an empty array when they cannot be had. */
function gunzipStart(bytes: Uint8Array): Uint8Array {
  let start = new Uint8Array();
  try {
    const gunzip = new Gunzip((chunk) => {
      if (start.byteLength === 0) start = chunk;
    });
    gunzip.push(bytes.subarray(0, 16_384), bytes.byteLength <= 16_384);
  } catch {
    // A gzip stream cut or broken early is still gzip; it just is not known to hold R data.
  }
  return start;
}

/** A zip archive's kind by its entries: a workbook has xl/workbook.xml; an OpenDocument file, a mimetype entry. */
function zipKind(bytes: Uint8Array): BinaryKind {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    // A cut or corrupt archive: the workbook reader says it cannot be read, which is what it is.
    return "xlsx";
  }
  if (names.includes("xl/workbook.xml")) return "xlsx";
  if (names.includes("mimetype") && names.includes("content.xml")) return "ods";
  return "zip";
}

/** The kind of a binary file, or null for text (CSV and the like, which the CSV reader judges). */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (startsWith(bytes, [0x1f, 0x8b])) return isRData(gunzipStart(bytes)) ? "gzip-rdata" : "gzip";
  if (isBzip2(bytes)) return "bzip2";
  if (isRData(bytes)) return "rdata";
  return signatures.find((s) => startsWith(bytes, s.signature))?.kind ?? null;
}
