/**
 * The position of each named column in a header (cells compared trimmed), or an error naming
 * the columns that are missing: a publisher renaming a column must stop a derivation, not feed
 * it empty cells.
 */
export function requireColumns<Name extends string>(
  header: readonly string[],
  names: readonly Name[],
  file: string,
): Record<Name, number> {
  const trimmed = header.map((h) => h.trim());
  const missing = names.filter((n) => !trimmed.includes(n));
  if (missing.length > 0)
    throw new Error(`${file}: missing column(s) ${missing.map((n) => `"${n}"`).join(", ")}`);
  return Object.fromEntries(names.map((n) => [n, trimmed.indexOf(n)])) as Record<Name, number>;
}
