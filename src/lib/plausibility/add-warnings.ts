import type { Finding } from "../intake/findings";

interface CheckedResult {
  findings: Finding[];
  warnings: number;
}

/** A file's checks with more warnings added: listed after its own findings, and counted. */
export function addWarnings<T extends CheckedResult>(result: T, warnings: readonly Finding[]): T {
  if (warnings.length === 0) return result;
  return {
    ...result,
    findings: [...result.findings, ...warnings],
    warnings: result.warnings + warnings.length,
  };
}
