/**
 * The questions every engine answers in the benchmark, their SQL for the DuckDB engines, and the
 * canonical form of an answer so engines can be checked against each other.
 */
import {
  benchColumns,
  type DimensionColumn,
  dimensionColumns,
  indicatorIds,
} from "../generate-bench-data";

export const engineIds = [
  "duckdb-wasm",
  "duckdb-wasm-chromium",
  "duckdb-wasm-threads",
  "arquero",
  "papaparse-js",
  "native-duckdb",
] as const;
export type EngineId = (typeof engineIds)[number];

export const engineLabels: Record<EngineId, string> = {
  "duckdb-wasm": "duckdb-wasm (Node)",
  "duckdb-wasm-chromium": "duckdb-wasm (Chromium, single-threaded build)",
  "duckdb-wasm-threads": "duckdb-wasm (Chromium, threaded build)",
  arquero: "arquero",
  "papaparse-js": "papaparse+JS",
  "native-duckdb": "native",
};

/** Engines that run in Chromium (the benchmark's harness page) rather than in Node. */
export const browserEngineIds: readonly EngineId[] = [
  "duckdb-wasm-chromium",
  "duckdb-wasm-threads",
];

export const queryIds = [
  "overview-totals",
  "overview-all-rows",
  "breakdown-sex",
  "breakdown-age",
  "selective",
] as const;
export type QueryId = (typeof queryIds)[number];

export const ingestIds = ["ingest-csv", "ingest-parquet"] as const;
export type IngestId = (typeof ingestIds)[number];

export type QuestionId = IngestId | QueryId;

export const questionLabels: Record<QuestionId, string> = {
  "ingest-csv": "1. ingest CSV",
  "ingest-parquet": "1. ingest Parquet",
  "overview-totals": "2. overview: yearly mean of totals",
  "overview-all-rows": "2b. yearly mean of all rows",
  "breakdown-sex": "3a. one indicator by sex",
  "breakdown-age": "3b. one indicator by age_group",
  selective: "4. one indicator, one group",
};

/** Targets from issue 8, per question kind. */
export type QuestionKind = "ingest" | "aggregation" | "filter";
export const questionKinds: Record<QuestionId, QuestionKind> = {
  "ingest-csv": "ingest",
  "ingest-parquet": "ingest",
  "overview-totals": "aggregation",
  "overview-all-rows": "aggregation",
  "breakdown-sex": "filter",
  "breakdown-age": "filter",
  selective: "filter",
};

/** The indicator of the breakdown questions and the group of the selective one. */
export const chosenIndicator = indicatorIds[16] as string;
export const chosenGroup = { dimension: "sex" as DimensionColumn, code: "female" };

/** Rows of a query answer; numbers are compared with a relative tolerance. */
export type AnswerRow = (string | number | null)[];
export interface Answer {
  columns: string[];
  rows: AnswerRow[];
}

/** What a loaded table holds, computed after each ingest to check CSV and Parquet agree. */
export interface TableFingerprint {
  rows: number;
  values: number;
  sum: number;
}

const allTotal = (except?: DimensionColumn) =>
  dimensionColumns
    .filter((d) => d !== except)
    .map((d) => `${d} IS NULL`)
    .join(" AND ");

/** Column types for read_csv, the same typed table the JavaScript engines build. */
/**
 * The dialect of the generated files, given as the JavaScript engines are given it (Arquero and
 * PapaParse are told the delimiter): DuckDB then skips its sniffer, about a tenth of a read.
 */
export const csvDialectSql = `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"'`;

export const csvColumnsSql = `{${benchColumns
  .map((c) => `'${c}': '${c === "value" ? "DOUBLE" : "VARCHAR"}'`)
  .join(", ")}}`;

export interface SqlQuestion {
  sql: (table: string) => string;
  params: (string | number)[];
}

export const querySql: Record<QueryId, SqlQuestion> = {
  "overview-totals": {
    sql: (t) =>
      `SELECT indicator_id, CAST(substr(period, 1, 4) AS INTEGER) AS year, avg(value) AS mean, count(value) AS n FROM ${t} WHERE ${allTotal()} GROUP BY ALL ORDER BY indicator_id, year`,
    params: [],
  },
  "overview-all-rows": {
    sql: (t) =>
      `SELECT indicator_id, CAST(substr(period, 1, 4) AS INTEGER) AS year, avg(value) AS mean, count(value) AS n FROM ${t} GROUP BY ALL ORDER BY indicator_id, year`,
    params: [],
  },
  "breakdown-sex": {
    sql: (t) =>
      `SELECT sex AS code, period, value FROM ${t} WHERE indicator_id = ? AND sex IS NOT NULL AND ${allTotal("sex")} ORDER BY code, period`,
    params: [chosenIndicator],
  },
  "breakdown-age": {
    sql: (t) =>
      `SELECT age_group AS code, period, value FROM ${t} WHERE indicator_id = ? AND age_group IS NOT NULL AND ${allTotal("age_group")} ORDER BY code, period`,
    params: [chosenIndicator],
  },
  selective: {
    sql: (t) =>
      `SELECT period, value FROM ${t} WHERE indicator_id = ? AND ${chosenGroup.dimension} = ? AND ${allTotal(chosenGroup.dimension)} ORDER BY period`,
    params: [chosenIndicator, chosenGroup.code],
  },
};

export const fingerprintSql = (t: string) =>
  `SELECT count(*) AS rows, count(value) AS "values", sum(value) AS sum FROM ${t}`;

/** Columns of each query's answer, in order. */
export const answerColumns: Record<QueryId, string[]> = {
  "overview-totals": ["indicator_id", "year", "mean", "n"],
  "overview-all-rows": ["indicator_id", "year", "mean", "n"],
  "breakdown-sex": ["code", "period", "value"],
  "breakdown-age": ["code", "period", "value"],
  selective: ["period", "value"],
};

/** Plain objects (as engines return them) to an answer in the question's column order. */
export function toAnswer(query: QueryId, objects: readonly Record<string, unknown>[]): Answer {
  const columns = answerColumns[query];
  return {
    columns,
    rows: objects.map((o) =>
      columns.map((c) => {
        const v = o[c];
        if (v === null || v === undefined) return null;
        if (typeof v === "bigint") return Number(v);
        if (typeof v === "number" || typeof v === "string") return v;
        return String(v);
      }),
    ),
  };
}

/** Relative tolerance for sums and means: engines add in different orders. */
const tolerance = 1e-9;

const close = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b), 1);

/** Why two answers differ, or null when they agree. Rows are compared in order (all are sorted). */
export function compareAnswers(expected: Answer, actual: Answer): string | null {
  if (expected.columns.join() !== actual.columns.join())
    return `columns ${actual.columns.join()} instead of ${expected.columns.join()}`;
  if (expected.rows.length !== actual.rows.length)
    return `${actual.rows.length} rows instead of ${expected.rows.length}`;
  for (let r = 0; r < expected.rows.length; r++) {
    const e = expected.rows[r] as AnswerRow;
    const a = actual.rows[r] as AnswerRow;
    for (let c = 0; c < e.length; c++) {
      const x = e[c];
      const y = a[c];
      const same = typeof x === "number" && typeof y === "number" ? close(x, y) : x === y;
      if (!same)
        return `row ${r + 1}, ${expected.columns[c]}: ${JSON.stringify(y)} instead of ${JSON.stringify(x)}`;
    }
  }
  return null;
}

export function compareFingerprints(
  expected: TableFingerprint,
  actual: TableFingerprint,
): string | null {
  if (expected.rows !== actual.rows) return `${actual.rows} rows instead of ${expected.rows}`;
  if (expected.values !== actual.values)
    return `${actual.values} values instead of ${expected.values}`;
  if (!close(expected.sum, actual.sum)) return `sum ${actual.sum} instead of ${expected.sum}`;
  return null;
}
