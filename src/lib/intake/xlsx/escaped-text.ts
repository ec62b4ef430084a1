/**
 * Workbook text writes characters XML 1.0 cannot hold (control characters) as `_xHHHH_`, and a
 * literal "_x" sequence as `_x005F_xHHHH_` (ECMA-376 Part 1, §22.9.2.19): decoded left to right,
 * without overlaps, so `_x005F_x0041_` stays "_x0041_".
 */
export function unescapeWorkbookText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
