import type { Finding } from "./findings";
import type { Grid } from "./grid";
import { maxCellChars, maxColumns, maxStructuralFindings } from "./limits";

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Characters no officer's table holds and that hide or disguise text: C0 controls except tab,
 * line feed and carriage return; DEL and the C1 controls; zero-width space and word joiner; a
 * byte order mark inside the text; the bidirectional embeddings, overrides and isolates that
 * can make text read differently from what it is.
 */
const hidden =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** `U+001B` for a character. */
export function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

export function findHiddenCharacter(text: string): string | null {
  const match = hidden.exec(text);
  return match ? match[0] : null;
}

/** Whether any cell could hold a hidden character; for CSV the whole text is tested at once. */
export function mayHoldHiddenCharacters(text: string): boolean {
  return hidden.test(text);
}

/** Checks rows as they are read, part by part; `findings()` is what `checkGrid` gives for them all. */
export interface GridChecker {
  add(rows: Grid, scanCharacters: boolean): void;
  /** The first row wider than the column limit, once one has been seen. */
  tooWide(): Finding | null;
  findings(): Finding[];
}

export function createGridChecker(file: string): GridChecker {
  const found: Finding[] = [];
  let wide: Finding | null = null;
  let long = 0;
  let hiddenFound = 0;
  return {
    add(rows, scanCharacters) {
      if (wide) return;
      for (const { row, cells } of rows) {
        if (cells.length > maxColumns) {
          wide = {
            severity: "error",
            code: "too_many_columns",
            file,
            row,
            detail: { columns: cells.length, limit: maxColumns },
          };
          return;
        }
      }
      for (const { row, cells } of rows) {
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i] ?? "";
          if (cell.length > maxCellChars) {
            if (long++ < maxStructuralFindings)
              found.push({
                severity: "error",
                code: "cell_too_long",
                file,
                row,
                column: columnLetter(i),
                detail: { characters: cell.length, limit: maxCellChars },
              });
            continue;
          }
          if (!scanCharacters || hiddenFound >= maxStructuralFindings) continue;
          const character = findHiddenCharacter(cell);
          if (character !== null) {
            hiddenFound++;
            found.push({
              severity: "error",
              code: "control_character",
              file,
              row,
              column: columnLetter(i),
              value: cell,
              detail: { character: codePoint(character) },
            });
          }
        }
      }
    },
    tooWide: () => wide,
    // A row too wide says it all: nothing else is checked in such a file.
    findings: () => (wide ? [wide] : found),
  };
}

/**
 * Checks a decoded grid before anything is done with its cells: a row wider than the column
 * limit (then nothing else is checked), cells longer than the cell limit, and hidden characters.
 * Each finding names the row and the column as the spreadsheet shows them (A, B, … AA).
 */
export function checkGrid(file: string, grid: Grid, scanCharacters: boolean): Finding[] {
  const checker = createGridChecker(file);
  checker.add(grid, scanCharacters);
  return checker.findings();
}
