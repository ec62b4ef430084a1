import type { Dimension } from "../catalog/schema";
import type { Finding, FindingCode } from "./findings";
import { mapHeader } from "./header-map";

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes; within each, by row (file-level findings first). */
function byPlace(a: Finding, b: Finding): number {
  return severityOrder[a.severity] - severityOrder[b.severity] || (a.row ?? 0) - (b.row ?? 0);
}

/** Findings that another kind of finding can explain, and the kinds that may explain them. */
const explainedBy: Partial<Record<FindingCode, readonly FindingCode[]>> = {
  // Rows that differ only in a column the file's header did not name read as the same row.
  duplicate_key: ["unknown_column", "duplicate_column"],
  // A required column under a name the app did not recognise reads as missing.
  missing_column: ["unknown_column"],
};

/** `female (Mujeres), male (Hombres)`: codes an officer may type, each with its Spanish label. */
function withSpanishLabels(
  allowed: string,
  column: string | undefined,
  dimensions: readonly Dimension[],
): string {
  const codes = allowed.split(",").map((c) => c.trim());
  const mapped = column === undefined ? null : mapHeader([column])[0];
  const dimension =
    dimensions.find((d) => d.id === mapped) ??
    dimensions.find((d) => codes.every((code) => d.codes.some((c) => c.code === code)));
  if (!dimension) return allowed;
  return codes
    .map((code) => {
      const label = dimension.codes.find((c) => c.code === code)?.label.es;
      return label ? `${code} (${label})` : code;
    })
    .join(", ");
}

/**
 * One pass over a file's findings, after every check has run, so that the officer reads them in
 * the order they make sense:
 * - a finding another one explains points to it (`cause`), and the cause is listed first, just
 *   before the first finding it explains, whatever its severity (the warning about an unread
 *   column comes before the duplicates it produced, not after every error);
 * - a refused number carries the decimal separator the file was read with, so the advice fits;
 * - a refused category lists the Spanish labels beside the codes.
 * The findings themselves (severity, place, counts) do not change.
 */
export function explainFindings(
  findings: readonly Finding[],
  dimensions: readonly Dimension[] = [],
): Finding[] {
  const decimal = findings.find(
    (f) => f.code === "number_format" || f.code === "number_format_guessed",
  )?.detail?.decimal;
  const firstOfCode = new Map<FindingCode, Finding>();
  for (const finding of findings)
    if (!firstOfCode.has(finding.code)) firstOfCode.set(finding.code, finding);

  // A file repeats the same refused category on many rows: word each list once.
  const labelled = new Map<string, string>();
  const allowedWithLabels = (allowed: string, column: string | undefined) => {
    const key = `${column ?? ""}\u0000${allowed}`;
    let text = labelled.get(key);
    if (text === undefined) {
      text = withSpanishLabels(allowed, column, dimensions);
      labelled.set(key, text);
    }
    return text;
  };
  const causeOf = new Map<Finding, Finding>();
  const explainedOf = new Map<Finding, Finding>();
  const explained = findings.map((finding) => {
    let result = finding;
    const cause = explainedBy[finding.code]
      ?.map((code) => firstOfCode.get(code))
      .find((f) => f !== undefined);
    if (cause) {
      result = {
        ...result,
        cause: {
          code: cause.code,
          ...(cause.column === undefined ? {} : { column: cause.column }),
          ...(cause.row === undefined ? {} : { row: cause.row }),
        },
      };
    }
    if (finding.code === "non_numeric_value" && typeof decimal === "string")
      result = { ...result, detail: { ...result.detail, decimal } };
    if (finding.code === "code_not_allowed" && typeof finding.detail?.allowed === "string")
      result = {
        ...result,
        detail: {
          ...result.detail,
          allowed: allowedWithLabels(finding.detail.allowed, finding.column),
        },
      };
    if (cause) causeOf.set(result, cause);
    explainedOf.set(finding, result);
    return result;
  });

  const ordered: Finding[] = [];
  const placed = new Set<Finding>();
  for (const finding of [...explained].sort(byPlace)) {
    const original = causeOf.get(finding);
    const cause = original && (explainedOf.get(original) ?? original);
    if (cause && !placed.has(cause)) {
      ordered.push(cause);
      placed.add(cause);
    }
    if (!placed.has(finding)) {
      ordered.push(finding);
      placed.add(finding);
    }
  }
  return ordered;
}
