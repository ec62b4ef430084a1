import { mayHoldHiddenCharacters } from "../check-grid";
import { decodeText, findMixedEncoding } from "../detect-encoding";
import type { Finding } from "../findings";
import type { Stopped } from "../intake-result";
import { maxColumns } from "../limits";
import { detectDelimiter, firstRowWiderThan, readCsvGrid } from "../read-csv";
import type { Decoded } from "./decoded";

/**
 * CSV text in its encoding (UTF-8 with or without BOM, UTF-16, Windows-1252) and dialect (comma,
 * semicolon or tab). A file mixing encodings, a first row too wide or broken quotes stop here.
 */
export function decodeCsv(file: string, bytes: Uint8Array): Decoded | Stopped {
  const { text, encoding } = decodeText(bytes);
  if (encoding === "windows-1252") {
    const mixed = findMixedEncoding(bytes);
    if (mixed)
      return {
        stop: [
          {
            severity: "error",
            code: "mixed_encoding",
            file,
            row: mixed.otherRow,
            detail: { utf8Row: mixed.utf8Row },
          },
        ],
      };
  }
  const delimiter = detectDelimiter(text);
  const notes: Finding[] = [
    {
      severity: "info",
      code: "decoded_as",
      file,
      detail: { encoding, delimiter: delimiter === "\t" ? "tab" : delimiter },
    },
  ];
  const wide = firstRowWiderThan(text, delimiter, maxColumns);
  if (wide !== null)
    return {
      stop: [
        ...notes,
        {
          severity: "error",
          code: "too_many_columns",
          file,
          row: wide,
          detail: { limit: maxColumns },
        },
      ],
    };
  const { grid, quoteProblems } = readCsvGrid(text, delimiter);
  if (quoteProblems.length > 0)
    return {
      stop: [
        ...notes,
        ...quoteProblems.map(
          (p): Finding => ({ severity: "error", code: p.code, file, row: p.row }),
        ),
      ],
    };
  return {
    grid,
    delimiter,
    sheets: [],
    sheet: null,
    notes,
    scanCharacters: mayHoldHiddenCharacters(text),
  };
}
