/**
 * PapaParse and plain JavaScript loops: the hand-written alternative. The table is columnar
 * (a Uint16Array of dictionary codes per text column, 0 = blank, and a Float64Array of values,
 * NaN = blank), which is what a careful plain-JS implementation would do and what lets it hold
 * 10 million rows at all. Parquet goes parquet-wasm → Arrow IPC → apache-arrow → the same columns.
 */
import * as arrow from "apache-arrow";
import Papa from "papaparse";
import { parquetToArrowIpc } from "../../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../../src/lib/parquet/parquet-node";
import { dimensionColumns, type TextColumn, textColumns } from "../generate-bench-data";
import type { BenchEngine, BenchInput } from "./engine";
import { packageVersion } from "./package-version";
import {
  type Answer,
  type AnswerRow,
  answerColumns,
  chosenGroup,
  chosenIndicator,
  type QueryId,
} from "./questions";

interface ColumnStore {
  rows: number;
  codes: Record<TextColumn, Uint16Array>;
  dicts: Record<TextColumn, string[]>;
  value: Float64Array;
}

/** Builds a ColumnStore chunk by chunk, with one dictionary per text column across chunks. */
class StoreBuilder {
  private readonly maps = Object.fromEntries(
    textColumns.map((c) => [c, new Map<string, number>()]),
  ) as Record<TextColumn, Map<string, number>>;
  private readonly dicts = Object.fromEntries(
    textColumns.map((c) => [c, [] as string[]]),
  ) as Record<TextColumn, string[]>;
  private readonly chunks: { codes: Record<TextColumn, Uint16Array>; value: Float64Array }[] = [];

  /** Code of a text value (0 for blank), adding it to the dictionary the first time. */
  encode(column: TextColumn, text: string | null | undefined): number {
    if (text === null || text === undefined || text === "") return 0;
    const map = this.maps[column];
    let code = map.get(text);
    if (code === undefined) {
      const dict = this.dicts[column];
      dict.push(text);
      code = dict.length;
      if (code > 0xffff) throw new Error(`more than 65,535 distinct values in ${column}`);
      map.set(text, code);
    }
    return code;
  }

  newChunk(rows: number) {
    const chunk = {
      codes: Object.fromEntries(textColumns.map((c) => [c, new Uint16Array(rows)])) as Record<
        TextColumn,
        Uint16Array
      >,
      value: new Float64Array(rows),
    };
    this.chunks.push(chunk);
    return chunk;
  }

  build(): ColumnStore {
    const rows = this.chunks.reduce((n, c) => n + c.value.length, 0);
    if (this.chunks.length === 1) {
      const only = this.chunks[0] as (typeof this.chunks)[number];
      return { rows, codes: only.codes, value: only.value, dicts: this.dicts };
    }
    const codes = Object.fromEntries(textColumns.map((c) => [c, new Uint16Array(rows)])) as Record<
      TextColumn,
      Uint16Array
    >;
    const value = new Float64Array(rows);
    let at = 0;
    for (const chunk of this.chunks) {
      for (const c of textColumns) codes[c].set(chunk.codes[c], at);
      value.set(chunk.value, at);
      at += chunk.value.length;
    }
    this.chunks.length = 0;
    return { rows, codes, value, dicts: this.dicts };
  }
}

function ingestCsvChunk(builder: StoreBuilder, bytes: Uint8Array): void {
  const text = new TextDecoder().decode(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`PapaParse: ${parsed.errors[0]?.message}`);
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error("empty CSV");
  const index = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`CSV has no ${name} column`);
    return i;
  };
  const textIndex = textColumns.map((c) => [c, index(c)] as const);
  const valueIndex = index("value");
  const chunk = builder.newChunk(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as string[];
    for (const [column, i] of textIndex) chunk.codes[column][r] = builder.encode(column, row[i]);
    const v = row[valueIndex];
    chunk.value[r] = v === undefined || v === "" ? Number.NaN : Number(v);
  }
}

function ingestParquetChunk(builder: StoreBuilder, bytes: Uint8Array): void {
  const table = arrow.tableFromIPC(parquetToArrowIpc(nodeParquet, bytes));
  const chunk = builder.newChunk(table.numRows);
  for (const column of textColumns) {
    const vector = table.getChild(column);
    if (!vector) throw new Error(`Parquet has no ${column} column`);
    const codes = chunk.codes[column];
    let r = 0;
    for (const text of vector as Iterable<string | null>) codes[r++] = builder.encode(column, text);
  }
  const values = table.getChild("value");
  if (!values) throw new Error("Parquet has no value column");
  let r = 0;
  for (const v of values as Iterable<number | null>) chunk.value[r++] = v ?? Number.NaN;
}

/** Columns whose code must be 0 (total) for a row to be "the total except `except`". */
const totalColumns = (except?: TextColumn) => dimensionColumns.filter((d) => d !== except);

function allTotal(store: ColumnStore, columns: readonly TextColumn[], r: number): boolean {
  for (const c of columns) if (store.codes[c][r] !== 0) return false;
  return true;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function overview(store: ColumnStore, totalsOnly: boolean): Answer {
  const periodDict = store.dicts.period;
  const years = [...new Set(periodDict.map((p) => Number(p.slice(0, 4))))].sort((a, b) => a - b);
  // Year slot of each period code (code 0 = blank period: no year, skipped by SQL's cast too).
  const yearSlot = Int32Array.from([
    -1,
    ...periodDict.map((p) => years.indexOf(Number(p.slice(0, 4)))),
  ]);
  const nYears = years.length;
  const nInd = store.dicts.indicator_id.length + 1;
  const sum = new Float64Array(nInd * nYears);
  const count = new Float64Array(nInd * nYears);
  const rows = new Float64Array(nInd * nYears);
  const { indicator_id: ind, period } = store.codes;
  const { value } = store;
  const [c1, c2, c3, c4, c5, c6] = dimensionColumns.map((d) => store.codes[d]) as Uint16Array[];
  for (let r = 0; r < store.rows; r++) {
    if (
      totalsOnly &&
      ((c1 as Uint16Array)[r] !== 0 ||
        (c2 as Uint16Array)[r] !== 0 ||
        (c3 as Uint16Array)[r] !== 0 ||
        (c4 as Uint16Array)[r] !== 0 ||
        (c5 as Uint16Array)[r] !== 0 ||
        (c6 as Uint16Array)[r] !== 0)
    )
      continue;
    const y = yearSlot[period[r] as number] as number;
    if (y < 0) continue;
    const slot = (ind[r] as number) * nYears + y;
    rows[slot] = (rows[slot] as number) + 1;
    const v = value[r] as number;
    if (!Number.isNaN(v)) {
      sum[slot] = (sum[slot] as number) + v;
      count[slot] = (count[slot] as number) + 1;
    }
  }
  const out: AnswerRow[] = [];
  const order = store.dicts.indicator_id
    .map((id, i) => ({ id, code: i + 1 }))
    .sort((a, b) => compareText(a.id, b.id));
  for (const { id, code } of order)
    for (let y = 0; y < nYears; y++) {
      const slot = code * nYears + y;
      if (rows[slot] === 0) continue;
      const n = count[slot] as number;
      out.push([id, years[y] as number, n === 0 ? null : (sum[slot] as number) / n, n]);
    }
  return {
    columns: answerColumns[totalsOnly ? "overview-totals" : "overview-all-rows"],
    rows: out,
  };
}

function breakdown(store: ColumnStore, question: QueryId, dimension: TextColumn): Answer {
  const target = store.dicts.indicator_id.indexOf(chosenIndicator) + 1;
  const others = totalColumns(dimension);
  const dim = store.codes[dimension];
  const ind = store.codes.indicator_id;
  const rows: AnswerRow[] = [];
  if (target > 0)
    for (let r = 0; r < store.rows; r++) {
      if (ind[r] !== target || dim[r] === 0 || !allTotal(store, others, r)) continue;
      const v = store.value[r] as number;
      rows.push([
        store.dicts[dimension][(dim[r] as number) - 1] as string,
        store.dicts.period[(store.codes.period[r] as number) - 1] ?? null,
        Number.isNaN(v) ? null : v,
      ]);
    }
  rows.sort(
    (a, b) =>
      compareText(a[0] as string, b[0] as string) || compareText(String(a[1]), String(b[1])),
  );
  return { columns: answerColumns[question], rows };
}

function selective(store: ColumnStore): Answer {
  const target = store.dicts.indicator_id.indexOf(chosenIndicator) + 1;
  const group = store.dicts[chosenGroup.dimension].indexOf(chosenGroup.code) + 1;
  const others = totalColumns(chosenGroup.dimension);
  const dim = store.codes[chosenGroup.dimension];
  const ind = store.codes.indicator_id;
  const rows: AnswerRow[] = [];
  if (target > 0 && group > 0)
    for (let r = 0; r < store.rows; r++) {
      if (ind[r] !== target || dim[r] !== group || !allTotal(store, others, r)) continue;
      const v = store.value[r] as number;
      rows.push([
        store.dicts.period[(store.codes.period[r] as number) - 1] ?? null,
        Number.isNaN(v) ? null : v,
      ]);
    }
  rows.sort((a, b) => compareText(String(a[0]), String(b[0])));
  return { columns: answerColumns.selective, rows };
}

export async function startPapaparseJs(input: BenchInput): Promise<BenchEngine> {
  let store: ColumnStore | undefined;
  const loaded = () => {
    if (!store) throw new Error("no table loaded");
    return store;
  };
  return {
    id: "papaparse-js",
    version: async () => {
      const v = packageVersion;
      return `papaparse ${v("papaparse")}, apache-arrow ${v("apache-arrow")} (Parquet), plain loops over typed arrays`;
    },
    ingestCsv: async () => {
      const builder = new StoreBuilder();
      for (const bytes of input.csv) ingestCsvChunk(builder, bytes);
      store = builder.build();
    },
    ingestParquet: async () => {
      const builder = new StoreBuilder();
      for (const bytes of input.parquet) ingestParquetChunk(builder, bytes);
      store = builder.build();
    },
    release: async () => {
      store = undefined;
    },
    fingerprint: async () => {
      const s = loaded();
      let values = 0;
      let sum = 0;
      for (let r = 0; r < s.rows; r++) {
        const v = s.value[r] as number;
        if (!Number.isNaN(v)) {
          values++;
          sum += v;
        }
      }
      return { rows: s.rows, values, sum };
    },
    query: async (question) => {
      const s = loaded();
      switch (question) {
        case "overview-totals":
          return overview(s, true);
        case "overview-all-rows":
          return overview(s, false);
        case "breakdown-sex":
          return breakdown(s, question, "sex");
        case "breakdown-age":
          return breakdown(s, question, "age_group");
        case "selective":
          return selective(s);
      }
    },
    close: async () => {
      store = undefined;
    },
  };
}
