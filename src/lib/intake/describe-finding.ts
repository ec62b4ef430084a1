import type { TFunction } from "i18next";
import { observationColumns } from "../observations/columns";
import { fileKindName } from "./describe-file-kind";
import type { Finding } from "./findings";
import type { Fix } from "./fix-log";
import { maxShownChars } from "./limits";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
const invisible = /[\u0000-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * Text from a file as a message may show it: control and invisible characters made visible
 * (␀, ␛, ⟨U+202E⟩), so they can neither disguise the message nor drive a terminal, and long
 * text cut to a few hundred characters.
 */
export function shown(text: string): string {
  const cut = text.length > maxShownChars ? `${text.slice(0, maxShownChars)}…` : text;
  return cut.replace(invisible, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
  });
}

const shownDetail = (detail: Finding["detail"]) =>
  Object.fromEntries(
    Object.entries(detail ?? {}).map(([k, v]) => [k, typeof v === "string" ? shown(v) : v]),
  );

const canonicalColumns: ReadonlySet<string> = new Set(observationColumns);

/** A canonical column as the officer's language names it, with its code: «Periodo (period)». */
function columnName(column: string, t: TFunction): string {
  return canonicalColumns.has(column) ? `${t(`columns.${column}`)} (${column})` : column;
}

/** The values a finding's message and advice are worded with. */
function wording(finding: Finding, t: TFunction): Record<string, string | number> {
  const detail = shownDetail(finding.detail);
  const cause = finding.cause;
  return {
    ...(finding.column === undefined ? {} : { column: shown(finding.column) }),
    ...detail,
    ...(typeof detail.column === "string" ? { column: columnName(detail.column, t) } : {}),
    ...(finding.code === "unsupported_file" && typeof detail.kind === "string"
      ? { kind: fileKindName(detail.kind, t) }
      : {}),
    ...(cause?.column === undefined ? {} : { causeColumn: shown(cause.column) }),
    ...(cause?.row === undefined ? {} : { causeRow: cause.row }),
    names: observationColumns.map((c) => t(`columns.${c}`)).join(", "),
  };
}

/** What is wrong, and what caused it when another finding explains it. */
export function findingMessage(finding: Finding, t: TFunction): string {
  const values = wording(finding, t);
  const message = t(`validation.codes.${finding.code}.message`, values);
  return finding.cause
    ? `${message} ${t(`validation.causes.${finding.cause.code}`, values)}`
    : message;
}

/**
 * What to do, fitted to the file: rows that look duplicated because a column was left unread are
 * never to be deleted; a number is to be written with the decimal separator the file uses.
 */
export function findingAction(finding: Finding, t: TFunction): string {
  const values = wording(finding, t);
  const codes = `validation.codes.${finding.code}`;
  if (finding.cause && (finding.code === "duplicate_key" || finding.code === "missing_column"))
    return t(`${codes}.actionCaused`, values);
  if (finding.code === "non_numeric_value" && typeof values.decimal === "string")
    return t(`${codes}.actionDecimal`, values);
  return t(`${codes}.action`, values);
}

/** One line an officer can act on: where, what, and what to do, in the user's language. */
export function describeFinding(finding: Finding, t: TFunction): string {
  const file = shown(finding.file);
  const where =
    finding.row === undefined
      ? t("validation.whereFile", { file })
      : finding.column === undefined
        ? t("validation.whereRow", { file, row: finding.row })
        : t("validation.where", { file, row: finding.row, column: shown(finding.column) });
  const value =
    finding.value === undefined
      ? ""
      : ` (${t("validation.value", { value: shown(finding.value) })})`;
  return `${t(`validation.severity.${finding.severity}`)} · ${where}${value}: ${findingMessage(finding, t)} ${findingAction(finding, t)}`;
}

/** A silent fix made visible: what changed, where first, and how often. */
export function describeFix(fix: Fix, t: TFunction): string {
  return t(`fixes.${fix.kind}`, {
    column: shown(fix.column),
    from: shown(fix.from),
    to: shown(fix.to),
    count: fix.count,
    firstRow: fix.firstRow,
  });
}
