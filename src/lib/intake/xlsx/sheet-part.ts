import type { Grid, GridRow } from "../grid";
import { parseCellReference } from "./cell-reference";
import { type CellContext, cellText, type RawCell } from "./cell-text";
import type { XmlHandlers } from "./xml-stream";

/**
 * Reads a worksheet part into the intake's grid, one element at a time: rows numbered as Excel
 * numbers them (a sheet starting at row 3 has two empty rows first), sparse cells placed by their
 * reference (`C7`), or after the previous cell when a writer leaves references out. Rows after the
 * last with a value are dropped. Rows end at their last value, as CSV rows end at their last
 * field: padding every row to the widest would let one far cell (XFD3) multiply a small file's
 * cells by thousands.
 */
export function sheetReader(context: CellContext): { handlers: XmlHandlers; grid(): Grid } {
  const rows: GridRow[] = [];
  let rowNumber = 0;
  let cells: string[] | null = null;
  let column = 0;
  let cell: RawCell | null = null;
  let inValue = false;
  let inInline = false;
  let inText = false;
  let inPhonetic = false;

  const openRow = (reference: string | undefined) => {
    const number = reference === undefined ? rowNumber + 1 : Number(reference);
    if (!Number.isInteger(number) || number <= rowNumber)
      throw new Error(`row ${reference ?? "?"} out of order after row ${rowNumber}`);
    rowNumber = number;
    cells = [];
    column = 0;
  };

  const openCell = (attributes: Readonly<Record<string, string>>) => {
    // A cell outside any row is no cell at all in SpreadsheetML: left out.
    if (cells === null) return;
    const position = attributes.r === undefined ? null : parseCellReference(attributes.r);
    column = position?.column ?? column + 1;
    cell = {
      type: attributes.t ?? "n",
      style: Number(attributes.s ?? 0) || 0,
      value: null,
      inline: null,
    };
  };

  const closeCell = () => {
    if (cell === null || cells === null) return;
    const text = cellText(cell, context);
    cell = null;
    if (text === "") return;
    while (cells.length < column - 1) cells.push("");
    cells[column - 1] = text;
  };

  const closeRow = () => {
    if (cells !== null && cells.length > 0) rows.push({ row: rowNumber, cells });
    cells = null;
  };

  return {
    handlers: {
      open(name, attributes) {
        if (name === "row") openRow(attributes.r);
        else if (name === "c") openCell(attributes);
        else if (cell === null) return;
        else if (name === "v") {
          inValue = true;
          cell.value ??= "";
        } else if (name === "is") {
          inInline = true;
          cell.inline ??= "";
        } else if (name === "t") inText = true;
        else if (name === "rPh") inPhonetic = true;
      },
      close(name) {
        if (name === "row") closeRow();
        else if (name === "c") closeCell();
        else if (name === "v") inValue = false;
        else if (name === "is") inInline = false;
        else if (name === "t") inText = false;
        else if (name === "rPh") inPhonetic = false;
      },
      text(text) {
        if (cell === null) return;
        if (inValue) cell.value = (cell.value ?? "") + text;
        else if (inInline && inText && !inPhonetic) cell.inline = (cell.inline ?? "") + text;
      },
    },
    grid() {
      const grid: Grid = [];
      let next = 1;
      for (const row of rows) {
        for (; next < row.row; next++) grid.push({ row: next, cells: [] });
        grid.push(row);
        next = row.row + 1;
      }
      return grid;
    },
  };
}
