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
  | "makeData"
  | "makeVector"
  | "Utf8"
  | "Int8"
  | "Int16"
  | "Int32"
  | "Float64"
  | "Dictionary"
  | "Table"
  | "tableToIPC"
>;

/**
 * Words as Arrow text, laid out by hand: Arrow's own builder compiles a function from text
 * (`new Function`), which the page's content security policy refuses.
 */
function utf8Data(arrow: ArrowModule, words: readonly string[]) {
  const encoder = new TextEncoder();
  const encoded = words.map((w) => encoder.encode(w));
  const valueOffsets = new Int32Array(words.length + 1);
  for (let i = 0; i < encoded.length; i++)
    valueOffsets[i + 1] = (valueOffsets[i] ?? 0) + (encoded[i]?.length ?? 0);
  const data = new Uint8Array(valueOffsets[words.length] ?? 0);
  for (let i = 0; i < encoded.length; i++) data.set(encoded[i] ?? [], valueOffsets[i]);
  return arrow.makeData({
    type: new arrow.Utf8(),
    length: words.length,
    nullCount: 0,
    valueOffsets,
    data,
  });
}

/**
 * A text column as a dictionary, filled a row at a time: statistics repeat a few codes a million
 * times, and arrow's generic builder spent seconds per million strings; DuckDB reads the
 * dictionary back as VARCHAR.
 */
export function createTextColumn(length: number) {
  const codes = new Map<string, number>();
  const words: string[] = [];
  const keys = new Int32Array(length);
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  // Rows come grouped (by indicator, then breakdown): a value is most often the one before it.
  let last: string | null = null;
  let lastKey = 0;
  return {
    set(i: number, value: string | null | undefined): void {
      if (value === null || value === undefined) {
        nulls++;
        return;
      }
      bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
      if (value === last) {
        keys[i] = lastKey;
        return;
      }
      let key = codes.get(value);
      if (key === undefined) {
        key = words.length;
        words.push(value);
        codes.set(value, key);
      }
      keys[i] = key;
      last = value;
      lastKey = key;
    },
    vector(arrow: ArrowModule): Arrow.Vector {
      // An empty table's IPC stream carries no dictionary batch, which DuckDB refuses.
      if (length === 0) return arrow.makeVector(utf8Data(arrow, []));
      const dictionary = arrow.makeVector(utf8Data(arrow, words));
      const nullBitmap = nulls > 0 ? bitmap : null;
      // The narrowest keys that hold every word: a code list of a few dozen words takes one byte
      // a row instead of four, in the stream and in what DuckDB copies and reads.
      const narrow =
        words.length <= 0x7f
          ? { indices: new arrow.Int8(), data: Int8Array.from(keys) }
          : words.length <= 0x7fff
            ? { indices: new arrow.Int16(), data: Int16Array.from(keys) }
            : { indices: new arrow.Int32(), data: keys };
      return arrow.makeVector(
        arrow.makeData({
          type: new arrow.Dictionary(new arrow.Utf8(), narrow.indices),
          length,
          nullCount: nulls,
          nullBitmap,
          data: narrow.data,
          dictionary,
        }),
      );
    },
  };
}

/** A number column, filled a row at a time. */
export function createNumberColumn(length: number) {
  const data = new Float64Array(length);
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  return {
    set(i: number, value: number | null | undefined): void {
      if (value === null || value === undefined) {
        nulls++;
        return;
      }
      data[i] = value;
      bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
    },
    vector(arrow: ArrowModule): Arrow.Vector {
      return arrow.makeVector(
        arrow.makeData({
          type: new arrow.Float64(),
          length,
          nullCount: nulls,
          nullBitmap: nulls > 0 ? bitmap : null,
          data,
        }),
      );
    },
  };
}

function textVector(arrow: ArrowModule, values: readonly (string | null)[]) {
  const column = createTextColumn(values.length);
  for (let i = 0; i < values.length; i++) column.set(i, values[i]);
  return column.vector(arrow);
}

function numberVector(arrow: ArrowModule, values: readonly (number | null)[]) {
  const column = createNumberColumn(values.length);
  for (let i = 0; i < values.length; i++) column.set(i, values[i]);
  return column.vector(arrow);
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
  return vectorsToIpc(arrow, vectors);
}

/** Columns already built as vectors, in their order, as an Arrow IPC stream. */
export function vectorsToIpc(
  arrow: ArrowModule,
  vectors: Record<string, Arrow.Vector>,
): Uint8Array {
  return arrow.tableToIPC(new arrow.Table(vectors), "stream");
}
