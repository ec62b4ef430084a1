import Papa from "papaparse";
import type { Catalog } from "../catalog/schema";
import { mayHoldHiddenCharacters } from "./check-grid";
import {
  checkRowsInParts,
  type PartsOptions,
  type PartsOutcome,
  type RowsPart,
} from "./check-rows-in-parts";
import { csvParts, decodeHead, irregular } from "./csv-parts";
import { detectEncoding, findMixedEncoding } from "./detect-encoding";
import type { Finding } from "./findings";
import { detectDelimiter } from "./read-csv";

export type { PartsOutcome } from "./check-rows-in-parts";

/** Files this large are read in parts; smaller ones whole (simpler, and as fast). */
export const partsFromBytes = 16 << 20;
/**
 * Small parts: a part's cells then die young, in V8's cheap young-generation collection. With 4 MB
 * parts (about 60,000 rows alive at once) they outlived it, and reading and parsing a million rows
 * took 2.5-3 s in Node; with 64 KB parts, 0.35-0.6 s.
 */
export const defaultPartBytes = 64 << 10;

export interface CsvPartsOptions extends PartsOptions {
  partBytes: number;
}

/**
 * Reads and checks a large CSV file of observations part by part (see `csvParts`,
 * `checkRowsInParts`): the text and the grid are never whole in memory, only the checked rows are
 * kept. Gives what reading the file whole gives, and null for whatever it does not handle the
 * same way (an encoding mix, quote problems, a row too wide, no header in the first part, a
 * funding file…): the caller then reads the file whole. `info` receives the notes the whole-file
 * reading would make.
 */
export function readCsvInParts(
  catalog: Catalog,
  file: string,
  bytes: Uint8Array,
  info: Finding[],
  options: CsvPartsOptions,
): PartsOutcome | null {
  const encoding = detectEncoding(bytes, options.partBytes);
  if (encoding === "windows-1252" && findMixedEncoding(bytes)) return null;
  // The delimiter (first 60 lines) and the line ending (first megabyte) are guessed from the start.
  const headBytes = Math.max(options.partBytes, 4 << 20);
  const head = decodeHead(bytes, encoding, headBytes).slice(0, 1 << 20);
  const whole = bytes.length <= headBytes;
  if (!whole && (head.match(/\n/g)?.length ?? 0) < 61) return null;
  const delimiter = detectDelimiter(head);
  const newline = Papa.parse(head, { delimiter, preview: 2 }).meta.linebreak;
  if (newline !== "\n" && newline !== "\r\n") return null;
  const lineEnd = newline;

  function* parts(): Generator<RowsPart | null> {
    for (const part of csvParts(bytes, encoding, delimiter, lineEnd, options.partBytes)) {
      if (part === irregular) {
        yield null;
        return;
      }
      yield {
        rows: part.rows,
        mayHoldHidden: mayHoldHiddenCharacters(part.text),
        fraction: part.bytesRead / bytes.length,
      };
    }
  }
  const notes: Finding[] = [
    {
      severity: "info",
      code: "decoded_as",
      file,
      detail: { encoding, delimiter: delimiter === "\t" ? "tab" : delimiter },
    },
  ];
  const outcome = checkRowsInParts(catalog, file, parts(), delimiter, notes, options);
  if (outcome !== null) info.push(...notes);
  return outcome;
}
