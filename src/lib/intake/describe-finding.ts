import type { TFunction } from "i18next";
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
  const message = t(`validation.codes.${finding.code}.message`, shownDetail(finding.detail));
  const action = t(`validation.codes.${finding.code}.action`);
  return `${t(`validation.severity.${finding.severity}`)} · ${where}${value}: ${message} ${action}`;
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
