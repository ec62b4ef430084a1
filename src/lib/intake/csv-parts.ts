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

/** Whole records of the file as text, a part at a time, or `irregular`. */
type RecordTexts = Generator<{ text: string; bytesRead: number } | typeof irregular>;

/**
 * Records cut in the decoded text: the part after the last record end is carried over and joined
 * to the next part's text. For UTF-16, whose bytes do not show where a line ends.
 */
function* recordTextsByCarry(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  delimiter: Delimiter,
  partBytes: number,
): RecordTexts {
  let carry = "";
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
    carry = text.slice(cut);
    yield { text: text.slice(0, cut), bytesRead };
  }
}

/** Just after the last line feed outside quotes in `bytes`, or -1; `lastRecordEnd` on bytes. */
export function lastRecordEndInBytes(bytes: Uint8Array, separator: number): number {
  if (bytes.indexOf(quoteByte) < 0) return bytes.lastIndexOf(lineFeed) + 1 || -1;
  let end = -1;
  let atFieldStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === quoteByte && atFieldStart) {
      i = closingQuoteByte(bytes, i);
      atFieldStart = false;
    } else if (c === separator) atFieldStart = true;
    else if (c === lineFeed) {
      end = i + 1;
      atFieldStart = true;
    } else atFieldStart = false;
  }
  return end;
}

const quoteByte = 0x22;

function closingQuoteByte(bytes: Uint8Array, open: number): number {
  for (let i = bytes.indexOf(quoteByte, open + 1); i >= 0; i = bytes.indexOf(quoteByte, i + 2))
    if (bytes[i + 1] !== quoteByte) return i;
  return bytes.length;
}

/**
 * Records cut in the bytes, then decoded: in UTF-8 and Windows-1252 a byte below 0x80 is always
 * that ASCII character, so quotes, delimiters and line feeds show in the bytes. Each part is
 * decoded once, from one record's start to another's, and never joined to a carried text: on a
 * million rows, joining and flattening those strings cost about 0.3 s.
 */
function* recordTextsByBytes(
  bytes: Uint8Array,
  encoding: "utf-8" | "utf-8-bom" | "windows-1252",
  delimiter: Delimiter,
  partBytes: number,
): RecordTexts {
  // A byte order mark inside the file stays a character, as in the whole-file reading: a part
  // that happens to start with one must not lose it.
  const decoder =
    encoding === "windows-1252" ? null : new TextDecoder("utf-8", { ignoreBOM: true });
  const decode = (slice: Uint8Array) =>
    decoder ? decoder.decode(slice) : decodeWindows1252(slice);
  const separator = delimiter.charCodeAt(0);
  let start = encoding === "utf-8-bom" ? 3 : 0;
  let end = start;
  while (start < bytes.length) {
    end = Math.min(bytes.length, end + partBytes);
    const found =
      end === bytes.length
        ? end - start
        : lastRecordEndInBytes(bytes.subarray(start, end), separator);
    if (found < 0) {
      if (end - start > 4 * partBytes) {
        yield irregular;
        return;
      }
      continue;
    }
    const cut = start + found;
    yield { text: decode(bytes.subarray(start, cut)), bytesRead: end };
    start = cut;
    end = cut;
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
 * Text with no quote, cut at each newline and delimiter. Papa does the same for such text (its
 * "fast mode"), but with bookkeeping per row that doubled the time: a million rows took about 2 s
 * through Papa and 1 s split here.
 */
function split(text: string, delimiter: Delimiter, newline: "\n" | "\r\n"): string[][] {
  return text.split(newline).map((line) => line.split(delimiter));
}

function parseQuoted(
  text: string,
  delimiter: Delimiter,
  newline: "\n" | "\r\n",
): string[][] | typeof irregular {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: false });
  return parsed.errors.some((e) => e.code === "MissingQuotes" || e.code === "InvalidQuotes")
    ? irregular
    : parsed.data;
}

/**
 * Reads a CSV file a part at a time (`defaultPartBytes`): each part is decoded, cut after its last
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
  let rowsBefore = 0;
  const texts =
    encoding === "utf-16le" || encoding === "utf-16be"
      ? recordTextsByCarry(bytes, encoding, delimiter, partBytes)
      : recordTextsByBytes(bytes, encoding, delimiter, partBytes);
  for (const cut of texts) {
    if (cut === irregular) {
      yield irregular;
      return;
    }
    const { text: part, bytesRead } = cut;
    if (part === "") continue;
    // Papa drops a byte order mark that starts its text, which the whole-file reading keeps (and
    // reports) when it is inside the file: such a file is read whole.
    if (part.charCodeAt(0) === 0xfeff) {
      yield irregular;
      return;
    }
    if (firstRowWiderThan(part, delimiter, maxColumns) !== null) {
      yield irregular;
      return;
    }
    const records = part.includes('"')
      ? parseQuoted(part, delimiter, newline)
      : split(part, delimiter, newline);
    if (records === irregular) {
      yield irregular;
      return;
    }
    // A part ends with a newline, after which Papa sees one empty record that is no row.
    if (records.length > 0 && records.at(-1)?.length === 1 && records.at(-1)?.[0] === "")
      records.pop();
    const rows = records.map((cells, i) => ({ row: rowsBefore + i + 1, cells }));
    rowsBefore += records.length;
    yield { rows, text: part, bytesRead };
  }
}
