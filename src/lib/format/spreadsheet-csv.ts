import Papa from "papaparse";
import type { Language } from "../i18n/resources";
import { neutraliseCell } from "./neutralise-cell";

/**
 * How a CSV must be written for the user's spreadsheet to open it as columns. Excel splits a
 * double-clicked CSV on the list separator of the computer's regional settings: `;` where the
 * decimal separator is a comma (Spanish-language settings), `,` in English ones; and it reads
 * UTF-8 (accents, ñ) only when the file starts with a byte order mark, in either language.
 */
export interface SpreadsheetDialect {
  delimiter: ";" | ",";
  decimal: "," | ".";
  bom: boolean;
}

export const spreadsheetDialects: Readonly<Record<Language, SpreadsheetDialect>> = {
  es: { delimiter: ";", decimal: ",", bom: true },
  en: { delimiter: ",", decimal: ".", bom: true },
};

export const spreadsheetCsvType = "text/csv;charset=utf-8";

/** A column as people read it, with the code machines and this app's intake know it by. */
export interface SpreadsheetColumn {
  label: string;
  code?: string;
}

/** Numbers are written with the language's decimal separator; text is kept from running as a formula. */
export type SpreadsheetCell = string | number | null;

/** `Sexo (sex)`: the label in the page's language with the code beside it. */
export function spreadsheetHeader(column: SpreadsheetColumn): string {
  return column.code === undefined || column.code === column.label
    ? column.label
    : `${column.label} (${column.code})`;
}

function cellText(cell: SpreadsheetCell, dialect: SpreadsheetDialect): string {
  if (cell === null) return "";
  if (typeof cell === "number")
    return Number.isFinite(cell) ? String(cell).replace(".", dialect.decimal) : "";
  return neutraliseCell(cell);
}

/**
 * A table as a CSV the user's spreadsheet opens cleanly: from a Spanish page `;`-separated with
 * decimal commas, from an English page `,`-separated with decimal points; UTF-8 with a byte order
 * mark; headers in the page's language with their codes; CRLF line ends, as Excel writes them.
 */
export function spreadsheetCsv(
  language: Language,
  columns: readonly SpreadsheetColumn[],
  rows: readonly (readonly SpreadsheetCell[])[],
): string {
  const dialect = spreadsheetDialects[language];
  const text = Papa.unparse(
    {
      fields: columns.map(spreadsheetHeader),
      data: rows.map((row) => row.map((cell) => cellText(cell, dialect))),
    },
    { delimiter: dialect.delimiter, newline: "\r\n" },
  );
  return `${dialect.bom ? "\uFEFF" : ""}${text}\r\n`;
}

/**
 * A file name that survives e-mail, shared folders and the command line: no spaces, no accents,
 * nothing but letters, digits, `.`, `_` and `-` («financiamiento-Unión Europea» →
 * «financiamiento-Union-Europea»).
 */
export function spreadsheetFileName(base: string, extension = "csv"): string {
  const safe = base
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return `${safe || "datos"}.${extension}`;
}
