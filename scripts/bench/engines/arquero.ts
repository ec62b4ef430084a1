/**
 * Arquero 8 alone: fromCSV (automatic types; blank fields become null) and, for Parquet, the file
 * through parquet-wasm as Arrow IPC into a table, then its own verbs with params.
 */
import { DataType, tableFromIPC } from "apache-arrow";
import * as aq from "arquero";
import { parquetToArrowIpc } from "../../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../../src/lib/parquet/parquet-node";
import type { BenchEngine, BenchInput } from "./engine";
import { packageVersion } from "./package-version";
import { chosenGroup, chosenIndicator, type QueryId, toAnswer } from "./questions";

type Table = ReturnType<typeof aq.fromCSV>;
const { op } = aq;

/**
 * Arquero's table from Arrow IPC. `aq.fromArrow` reads a dictionary-encoded column whose record
 * batches carry different dictionaries wrongly (on the 1,000,000-row file, one Parquet row group
 * per batch, 977 batches: 30 rows for the selective question where DuckDB and apache-arrow's
 * own reader find 32), so the string columns are decoded with apache-arrow first; the numbers
 * stay Arrow columns.
 */
function fromArrowIpc(ipc: Uint8Array): Table {
  const arrow = tableFromIPC(ipc);
  const columns: Record<string, unknown> = {};
  for (const field of arrow.schema.fields) {
    const column = arrow.getChild(field.name);
    if (!column) continue;
    columns[field.name] = DataType.isDictionary(field.type) ? Array.from(column) : column;
  }
  return aq.table(columns as Parameters<typeof aq.table>[0]);
}

const concat = (tables: Table[]): Table => {
  const [first, ...rest] = tables;
  if (!first) throw new Error("no input");
  return rest.length === 0 ? first : first.concat(...rest);
};

/* Arquero parses these expressions itself: they must stay self-contained arrow functions. */
function ask(table: Table, question: QueryId): object[] {
  const params = { ind: chosenIndicator, group: chosenGroup.code };
  switch (question) {
    case "overview-totals":
      return table
        .filter(
          (d: Record<string, unknown>) =>
            d.sex == null &&
            d.age_group == null &&
            d.geography == null &&
            d.disability == null &&
            d.population_group == null &&
            d.migration_status == null,
        )
        .groupby("indicator_id", {
          year: (d: Record<string, unknown>) => op.parse_int(op.substring(d.period, 0, 4)),
        })
        .rollup({ mean: op.mean("value"), n: op.valid("value") })
        .orderby("indicator_id", "year")
        .objects();
    case "overview-all-rows":
      return table
        .groupby("indicator_id", {
          year: (d: Record<string, unknown>) => op.parse_int(op.substring(d.period, 0, 4)),
        })
        .rollup({ mean: op.mean("value"), n: op.valid("value") })
        .orderby("indicator_id", "year")
        .objects();
    case "breakdown-sex":
      return table
        .params(params)
        .filter(
          (d: Record<string, unknown>, $: Record<string, unknown>) =>
            d.indicator_id === $.ind &&
            d.sex != null &&
            d.age_group == null &&
            d.geography == null &&
            d.disability == null &&
            d.population_group == null &&
            d.migration_status == null,
        )
        .select({ sex: "code", period: "period", value: "value" })
        .orderby("code", "period")
        .objects();
    case "breakdown-age":
      return table
        .params(params)
        .filter(
          (d: Record<string, unknown>, $: Record<string, unknown>) =>
            d.indicator_id === $.ind &&
            d.age_group != null &&
            d.sex == null &&
            d.geography == null &&
            d.disability == null &&
            d.population_group == null &&
            d.migration_status == null,
        )
        .select({ age_group: "code", period: "period", value: "value" })
        .orderby("code", "period")
        .objects();
    case "selective":
      return table
        .params(params)
        .filter(
          (d: Record<string, unknown>, $: Record<string, unknown>) =>
            d.indicator_id === $.ind &&
            d.sex === $.group &&
            d.age_group == null &&
            d.geography == null &&
            d.disability == null &&
            d.population_group == null &&
            d.migration_status == null,
        )
        .select("period", "value")
        .orderby("period")
        .objects();
  }
}

export async function startArquero(input: BenchInput): Promise<BenchEngine> {
  let table: Table | undefined;
  const loaded = () => {
    if (!table) throw new Error("no table loaded");
    return table;
  };
  return {
    id: "arquero",
    lazyParquet: true,
    version: async () => `arquero ${packageVersion("arquero")}`,
    ingestCsv: async () => {
      const decoder = new TextDecoder();
      table = concat(input.csv.map((bytes) => aq.fromCSV(decoder.decode(bytes))));
    },
    ingestParquet: async () => {
      table = concat(
        input.parquet.map((bytes) => fromArrowIpc(parquetToArrowIpc(nodeParquet, bytes))),
      );
    },
    release: async () => {
      table = undefined;
    },
    fingerprint: async () => {
      const row = loaded()
        .rollup({ rows: op.count(), values: op.valid("value"), sum: op.sum("value") })
        .object() as Record<string, unknown>;
      return { rows: Number(row.rows), values: Number(row.values), sum: Number(row.sum) };
    },
    query: async (question) =>
      toAnswer(question, ask(loaded(), question) as Record<string, unknown>[]),
    close: async () => {
      table = undefined;
    },
  };
}
