import Papa from "papaparse";
import { decodeWindows1252, type TextEncodingName } from "./detect-encoding";
import type { GridRow } from "./grid";
import { maxColumns } from "./limits";
import { closingQuote, type Delimiter, firstRowWiderThan } from "./read-csv";

/** A stretch of whole records of a CSV file, parsed, with its rows numbered as in the whole file. */
export interface CsvPart {
  rows: GridRow[];
  text: string;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

/**
 * What makes reading in parts give up (the caller then reads the file whole, the way that
 * reports these cases): a quote problem, a row too wide, or a record longer than several parts.
 */
export const irregular = Symbol("irregular");

const lineFeed = 0x0a;

/** Just after the last line feed outside quotes, or -1. */
export function lastRecordEnd(text: string, delimiter: Delimiter): number {
  // Most parts hold no quote at all: then the last line feed is the end.
  if (text.indexOf('"') < 0) return text.lastIndexOf("\n") + 1 || -1;
  const separator = delimiter.charCodeAt(0);
  let end = -1;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 && atFieldStart) {
      i = closingQuote(text, i);
      atFieldStart = false;
    } else if (c === separator) atFieldStart = true;
    else if (c === lineFeed) {
      end = i + 1;
      atFieldStart = true;
    } else atFieldStart = false;
  }
  return end;
}

/** Decodes the file's bytes a part at a time, in the encoding the whole-file reading would use. */
function* decodedParts(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  partBytes: number,
): Generator<{ text: string; bytesRead: number; last: boolean }> {
  const start = encoding === "utf-8-bom" ? 3 : encoding.startsWith("utf-16") ? 2 : 0;
  const decoder =
    encoding === "windows-1252"
      ? null
      : new TextDecoder(encoding === "utf-8-bom" ? "utf-8" : encoding);
  for (let at = start; at < bytes.length; at += partBytes) {
    const end = Math.min(bytes.length, at + partBytes);
    const slice = bytes.subarray(at, end);
    const last = end === bytes.length;
    const text = decoder ? decoder.decode(slice, { stream: !last }) : decodeWindows1252(slice);
    yield { text, bytesRead: end, last };
  }
}

/**
 * The first `maxBytes` of the file decoded as the whole-file reading would decode them, byte order
 * mark left out; the delimiter and line ending are guessed from it.
 */
export function decodeHead(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  maxBytes: number,
): string {
  const first = decodedParts(bytes, encoding, maxBytes).next();
  const text = first.done ? "" : first.value.text;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a CSV file a part of a few megabytes at a time: each part is decoded, cut after its last
 * whole record and parsed, so the whole text and the whole grid never exist at once. Rows are
 * numbered, blank lines kept and the final newline dropped exactly as `readCsvGrid` does.
 */
export function* csvParts(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  delimiter: Delimiter,
  newline: "\n" | "\r\n",
  partBytes: number,
): Generator<CsvPart | typeof irregular> {
  let carry = "";
  let rowsBefore = 0;
  let first = true;
  for (const { text: decoded, bytesRead, last } of decodedParts(bytes, encoding, partBytes)) {
    let text = carry + decoded;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const cut = last ? text.length : lastRecordEnd(text, delimiter);
    if (cut < 0) {
      if (text.length > 4 * partBytes) {
        yield irregular;
        return;
      }
      carry = text;
      continue;
    }
    const part = text.slice(0, cut);
    carry = text.slice(cut);
    if (part === "") continue;
    if (firstRowWiderThan(part, delimiter, maxColumns) !== null) {
      yield irregular;
      return;
    }
    const parsed = Papa.parse<string[]>(part, { delimiter, newline, skipEmptyLines: false });
    if (parsed.errors.some((e) => e.code === "MissingQuotes" || e.code === "InvalidQuotes")) {
      yield irregular;
      return;
    }
    const records = parsed.data;
    // A part ends with a newline, after which Papa sees one empty record that is no row.
    if (records.length > 0 && records.at(-1)?.length === 1 && records.at(-1)?.[0] === "")
      records.pop();
    const rows = records.map((cells, i) => ({ row: rowsBefore + i + 1, cells }));
    rowsBefore += records.length;
    yield { rows, text: part, bytesRead };
  }
}
