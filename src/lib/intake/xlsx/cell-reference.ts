/** A cell's position, both counted from 1 as Excel counts them. */
export interface CellPosition {
  row: number;
  column: number;
}

/** "C7" → { row: 7, column: 3 }; null for anything that is not a cell reference. */
export function parseCellReference(reference: string): CellPosition | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(reference);
  if (!match?.[1] || !match[2]) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  const row = Number(match[2]);
  return row >= 1 ? { row, column } : null;
}
