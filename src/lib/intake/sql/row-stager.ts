import type { Catalog, DimensionName } from "../../catalog/schema";
import { dimensionNames } from "../../catalog/schema";
import type { ColumnValues } from "../../db/columns-to-ipc";
import type { ObservationColumn } from "../../observations/columns";
import { parsePeriod } from "../../observations/period";
import type { Finding } from "../findings";
import type { GridRow } from "../grid";
import { createRecoder } from "../recode";
import { checkColumns } from "../rules/column-rules";
import type { ValidationResult } from "../rules/row-validator";
import type { TableLayout } from "../rules/table-layout";
import { createColumnEncoder, type EncodedRows } from "./encode-columns";
import {
  breakdownColumns,
  codeIdColumns,
  indicatorIdColumns,
  periodIdColumns,
  readTexts,
  recodeTexts,
  statusIdColumns,
  textColumns,
  unitIdColumns,
  valueIdColumns,
} from "./lookup-tables";
import type { ReadTexts } from "./read-observations";
import { ruleColumns, type StagedColumn, stagedName } from "./staged-columns";

/**
 * A table's rows ready for the rules in DuckDB, as plain data (it can cross from a worker): the
 * rows as ids (`intake_file_rows`) and the small tables of what each distinct text reads as.
 */
export interface StagedRows {
  file: string;
  columns: StagedColumn[];
  /** The breakdowns the file gives (a column or a constant). */
  dimensions: DimensionName[];
  /** Findings about the columns themselves, found before any row. */
  columnFindings: Finding[];
  tables: Record<string, Record<string, ColumnValues>>;
  read: ReadTexts;
}

export interface RowStager {
  add(records: readonly GridRow[]): void;
  /** The staged rows, or the result already known (no header, a required column missing). */
  finish(): StagedRows | ValidationResult;
}

const finished = (result: ValidationResult): RowStager => ({
  add: () => undefined,
  finish: () => result,
});

/** Where each rule column comes from in this table. */
function stagedColumns(
  table: TableLayout,
  headerName: ReadonlyMap<ObservationColumn, string>,
): { columns: StagedColumn[]; index: Map<ObservationColumn, number> } {
  const index = new Map<ObservationColumn, number>();
  table.columns.forEach((c, i) => {
    if (c !== null && !index.has(c)) index.set(c, i);
  });
  const columns = ruleColumns.map((column): StagedColumn => {
    const label = headerName.get(column) ?? column;
    if (table.constants[column] !== undefined) return { column, label, from: "constant" };
    return { column, label, from: index.has(column) ? "file" : "absent" };
  });
  return { columns, index };
}

/** The tables the rules read, from the encoded rows: each distinct text read once, here. */
function stagedTables(
  catalog: Catalog,
  table: TableLayout,
  columns: readonly StagedColumn[],
  dimensions: readonly DimensionName[],
  encoded: EncodedRows,
): { tables: StagedRows["tables"]; read: ReadTexts } {
  const textsOf = (column: ObservationColumn) => {
    const raws = encoded.columns.get(column)?.raws ?? [""];
    const fromFile = columns.some((c) => c.column === column && c.from === "file");
    return { column, raws, texts: fromFile ? raws.map((r) => r.trim()) : raws };
  };
  const read = new Map(ruleColumns.map((c) => [c, textsOf(c)]));
  const texts = (column: ObservationColumn) => read.get(column)?.texts ?? [""];
  // Each distinct period and breakdown text read once, for the lookups and the read-back alike.
  const periods = texts("period").map((t) => parsePeriod(t));
  const recode = createRecoder(catalog);
  const codes = new Map(dimensions.map((d) => [d, recodeTexts(recode, d, texts(d))]));
  const rows: Record<string, ColumnValues> = { row: { kind: "int32", values: encoded.rows } };
  // Only the file's columns are staged: every row of the others has the one text, id 0.
  for (const { column, from } of columns) {
    const ids = encoded.columns.get(column)?.ids;
    if (from === "file" && ids) rows[stagedName(column)] = { kind: "int32", values: ids };
  }
  return {
    tables: {
      intake_file_rows: rows,
      intake_text: textColumns([...read.values()]),
      intake_indicator_ids: indicatorIdColumns(catalog, texts("indicator_id")),
      intake_period_ids: periodIdColumns(texts("period"), periods),
      intake_value_ids: valueIdColumns(texts("value"), table.decimal),
      intake_unit_ids: unitIdColumns(texts("unit")),
      intake_status_ids: statusIdColumns(texts("obs_status")),
      intake_code_ids: codeIdColumns(
        catalog,
        [...codes].map(([dimension, list]) => ({ dimension, codes: list })),
      ),
      intake_breakdowns: breakdownColumns(catalog),
    },
    read: readTexts(texts, periods, codes),
  };
}

/**
 * Stages a long table's rows for the rules in DuckDB, rows added as they are read: each rule
 * column becomes dictionary ids, and each distinct text is read once by the same readers as the
 * JavaScript rules (trim, `parseNumber`, `parsePeriod`, the recoder). Needs no engine.
 */
export function createRowStager(catalog: Catalog, table: TableLayout): RowStager {
  if (table.header.length === 0)
    return finished({
      findings: [{ severity: "error", code: "empty_file", file: table.file }],
      observations: [],
      fixes: [],
    });
  if (table.periodColumns.length > 0) throw new Error("the SQL row rules read long tables only");
  const checked = checkColumns(table);
  if (!checked.complete)
    return finished({ findings: checked.findings, observations: [], fixes: [] });
  const { columns, index } = stagedColumns(table, checked.headerName);
  const dimensions = dimensionNames.filter((d) =>
    columns.some((c) => c.column === d && c.from !== "absent"),
  );
  const encoder = createColumnEncoder(columns, index, table.constants);
  return {
    add: (records) => encoder.add(records),
    finish: () => ({
      file: table.file,
      columns,
      dimensions,
      columnFindings: checked.findings,
      ...stagedTables(catalog, table, columns, dimensions, encoder.finish()),
    }),
  };
}
