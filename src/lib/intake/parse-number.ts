/** Markers that mean "no value" in official spreadsheets; they become missing, never zero. */
const missingMarkers = new Set([
  "",
  "..",
  "...",
  "n/d",
  "nd",
  "n.d.",
  "-",
  "—",
  "na",
  "n/a",
  "s/d",
]);

export type NumberParse =
  | { kind: "number"; value: number }
  | { kind: "missing" }
  | { kind: "invalid" };

export function parseNumber(text: string): NumberParse {
  const trimmed = text.trim();
  if (missingMarkers.has(trimmed.toLowerCase())) return { kind: "missing" };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return { kind: "invalid" };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
}
