import type * as Arrow from "apache-arrow";

export type ColumnValues =
  | { kind: "text"; values: readonly (string | null)[] }
  | { kind: "number"; values: readonly (number | null)[] }
  /** Whole numbers without blanks (row numbers, dictionary ids): copied as they are. */
  | { kind: "int32"; values: Int32Array };

/**
 * Builds an Arrow IPC stream with explicit column types, so a column that happens to be all
 * blank is still text. Takes the Arrow module because Node and the browser load different copies.
 */
export type ArrowModule = Pick<
  typeof Arrow,
  | "vectorFromArray"
  | "makeData"
  | "makeVector"
  | "Utf8"
  | "Int32"
  | "Float64"
  | "Dictionary"
  | "Table"
  | "tableToIPC"
>;

interface Validity {
  bitmap: Uint8Array;
  nulls: number;
}

function validity(length: number, isNull: (i: number) => boolean): Validity {
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (isNull(i)) nulls++;
    else bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return { bitmap, nulls };
}

/**
 * Text as a dictionary: statistics repeat a few codes a million times, and arrow's generic
 * builder spent seconds per million strings; DuckDB reads the dictionary back as VARCHAR.
 */
function textVector(arrow: ArrowModule, values: readonly (string | null)[]) {
  // An empty table's IPC stream carries no dictionary batch, which DuckDB refuses.
  if (values.length === 0) return arrow.vectorFromArray([], new arrow.Utf8());
  const codes = new Map<string, number>();
  const words: string[] = [];
  const keys = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    let key = codes.get(value);
    if (key === undefined) {
      key = words.length;
      words.push(value);
      codes.set(value, key);
    }
    keys[i] = key;
  }
  const { bitmap, nulls } = validity(values.length, (i) => values[i] == null);
  return arrow.makeVector(
    arrow.makeData({
      type: new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()),
      length: values.length,
      nullCount: nulls,
      nullBitmap: nulls > 0 ? bitmap : null,
      data: keys,
      dictionary: arrow.vectorFromArray(words, new arrow.Utf8()),
    }),
  );
}

function numberVector(arrow: ArrowModule, values: readonly (number | null)[]) {
  const data = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
  const { bitmap, nulls } = validity(values.length, (i) => values[i] == null);
  return arrow.makeVector(
    arrow.makeData({
      type: new arrow.Float64(),
      length: values.length,
      nullCount: nulls,
      nullBitmap: nulls > 0 ? bitmap : null,
      data,
    }),
  );
}

function int32Vector(arrow: ArrowModule, values: Int32Array) {
  return arrow.makeVector(
    arrow.makeData({ type: new arrow.Int32(), length: values.length, nullCount: 0, data: values }),
  );
}

/**
 * A column given as a function is built only when its vector is: a million-row table then holds
 * one column's plain values at a time, not every column's at once.
 */
export function columnsToIpc(
  arrow: ArrowModule,
  columns: Record<string, ColumnValues | (() => ColumnValues)>,
): Uint8Array {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, given]) => {
      const column = typeof given === "function" ? given() : given;
      return [
        name,
        column.kind === "text"
          ? textVector(arrow, column.values)
          : column.kind === "int32"
            ? int32Vector(arrow, column.values)
            : numberVector(arrow, column.values),
      ];
    }),
  );
  return arrow.tableToIPC(new arrow.Table(vectors), "stream");
}
