import { characterAttribute, type RValue } from "./r-value";

export type RCell = string | number | boolean | null;

/** A data frame's columns by name, every column as long as the frame; NA is null. */
export interface RDataFrame {
  names: string[];
  rowCount: number;
  columns: ReadonlyMap<string, readonly RCell[]>;
}

/**
 * The columns of an R data frame (a list of equal-length vectors with `names` and a class that
 * includes "data.frame"; tibbles qualify). Factors become their level labels.
 */
export function toDataFrame(value: RValue): RDataFrame {
  if (value.kind !== "list" || !characterAttribute(value, "class").includes("data.frame"))
    throw new Error("the R object is not a data frame");
  const names = characterAttribute(value, "names").map((n) => n ?? "NA");
  if (names.length !== value.values.length)
    throw new Error(`a data frame of ${value.values.length} columns has ${names.length} names`);
  const columns = new Map(names.map((name, i) => [name, columnCells(value.values[i], name)]));
  const rowCount = columns.size === 0 ? 0 : (columns.values().next().value?.length ?? 0);
  for (const [name, cells] of columns)
    if (cells.length !== rowCount)
      throw new Error(`column ${name} has ${cells.length} rows, not ${rowCount}`);
  return { names, rowCount, columns };
}

function columnCells(column: RValue | undefined, name: string): RCell[] {
  if (column === undefined) throw new Error(`column ${name} is missing`);
  switch (column.kind) {
    case "integer":
      return characterAttribute(column, "class").includes("factor")
        ? factorLabels(column.values, characterAttribute(column, "levels"), name)
        : column.values;
    case "double":
    case "logical":
    case "character":
      return column.values;
    default:
      throw new Error(`column ${name} is an R ${column.kind}, not an atomic vector`);
  }
}

/** A factor stores 1-based codes into its levels. */
function factorLabels(
  codes: readonly (number | null)[],
  levels: readonly (string | null)[],
  name: string,
): (string | null)[] {
  return codes.map((code) => {
    if (code === null) return null;
    const label = levels[code - 1];
    if (label === undefined) throw new Error(`factor ${name} has no level ${code}`);
    return label;
  });
}
