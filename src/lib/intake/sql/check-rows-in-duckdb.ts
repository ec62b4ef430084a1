import type { Catalog } from "../../catalog/schema";
import { dimensionNames } from "../../catalog/schema";
import type { ColumnValues } from "../../db/columns-to-ipc";
import type { Engine, Row } from "../../db/engine";
import type { ObservationColumn } from "../../observations/columns";
import type { Finding, FindingCode } from "../findings";
import type { Fix } from "../fix-log";
import type { GridRow } from "../grid";
import { checkColumns } from "../rules/column-rules";
import type { ValidationResult } from "../rules/row-validator";
import type { PreparedTable, TableLayout } from "../rules/table-layout";
import { checkedSql, intakeRowsSql, verdictSql } from "./checked-sql";
import { createColumnEncoder, type EncodedRows } from "./encode-columns";
import { duplicatesSql, findingsSql, flaggedSql, orderedFindingsSql } from "./findings-sql";
import { fixesSql } from "./fixes-sql";
import {
  breakdownColumns,
  codeIdColumns,
  indicatorIdColumns,
  periodIdColumns,
  readTexts,
  statusIdColumns,
  textColumns,
  unitIdColumns,
  valueIdColumns,
} from "./lookup-tables";
import { observationsSql } from "./observations-sql";
import { readObservations } from "./read-observations";
import { sqlName } from "./sql-literal";
import { ruleColumns, type StagedColumn, stagedName } from "./staged-columns";

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

async function replaceTable(engine: Engine, name: string, columns: Record<string, ColumnValues>) {
  await engine.exec(`DROP TABLE IF EXISTS ${sqlName(name)}`);
  await engine.insertColumns(name, columns);
}

function toFinding(file: string, row: Row): Finding {
  const finding: Finding = {
    severity: row.severity as Finding["severity"],
    code: row.code as FindingCode,
    file,
    row: Number(row.row),
  };
  if (row.column !== null) finding.column = String(row.column);
  if (row.value !== null) finding.value = String(row.value);
  if (row.detail_name !== null)
    finding.detail = {
      [String(row.detail_name)]:
        row.detail_number !== null ? Number(row.detail_number) : String(row.detail_text),
    };
  return finding;
}

/** Rows checked as they come (a large file is read in parts); the rules run when all are in. */
export interface SqlRowChecker {
  add(records: readonly GridRow[]): void;
  finish(): Promise<ValidationResult>;
}

const finished = (result: ValidationResult): SqlRowChecker => ({
  add: () => undefined,
  finish: async () => result,
});

/**
 * The row rules as set-based SQL in DuckDB, for a long table (one observation per row). The rows
 * are staged as dictionary ids (`intake_rows`); each distinct text is read once, by the same
 * readers as the JavaScript rules (trim, `parseNumber`, `parsePeriod`, the recoder), into small
 * lookup tables; `intake_checked` joins the rows to them on integers, every rule is then a
 * SELECT over the flagged rows, and the rows without an error are `intake_observations`. Gives
 * what `createRowValidator` gives for the same table.
 */
export function createSqlRowChecker(
  engine: Engine,
  catalog: Catalog,
  table: TableLayout,
): SqlRowChecker {
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
  const encoder = createColumnEncoder(columns, index, table.constants);
  return {
    add: (records) => encoder.add(records),
    finish: async () => {
      const { findings, fixes, observations } = await runRules(
        engine,
        catalog,
        table,
        columns,
        encoder.finish(),
      );
      return { findings: [...checked.findings, ...findings], observations, fixes };
    },
  };
}

/** The row rules in DuckDB for a whole table at once. */
export function checkRowsInDuckDb(
  engine: Engine,
  catalog: Catalog,
  table: PreparedTable,
): Promise<ValidationResult> {
  const checker = createSqlRowChecker(engine, catalog, table);
  checker.add(table.records);
  return checker.finish();
}

async function runRules(
  engine: Engine,
  catalog: Catalog,
  table: TableLayout,
  columns: readonly StagedColumn[],
  encoded: EncodedRows,
): Promise<ValidationResult> {
  const dimensions = dimensionNames.filter((d) =>
    columns.some((c) => c.column === d && c.from !== "absent"),
  );
  const textsOf = (column: ObservationColumn) => {
    const raws = encoded.columns.get(column)?.raws ?? [""];
    const fromFile = columns.some((c) => c.column === column && c.from === "file");
    return { column, raws, texts: fromFile ? raws.map((r) => r.trim()) : raws };
  };
  const read = new Map(ruleColumns.map((c) => [c, textsOf(c)]));
  const texts = (column: ObservationColumn) => read.get(column)?.texts ?? [""];
  const rows: Record<string, ColumnValues> = { row: { kind: "int32", values: encoded.rows } };
  for (const { column, from } of columns) {
    const ids = encoded.columns.get(column)?.ids;
    if (from === "file" && ids) rows[stagedName(column)] = { kind: "int32", values: ids };
  }
  // Only the file's columns are staged: every row of the others has the one text, id 0.
  await replaceTable(engine, "intake_file_rows", rows);
  await engine.exec(intakeRowsSql(columns));
  await replaceTable(engine, "intake_text", textColumns([...read.values()]));
  await replaceTable(
    engine,
    "intake_indicator_ids",
    indicatorIdColumns(catalog, texts("indicator_id")),
  );
  await replaceTable(engine, "intake_period_ids", periodIdColumns(texts("period")));
  await replaceTable(engine, "intake_value_ids", valueIdColumns(texts("value"), table.decimal));
  await replaceTable(engine, "intake_unit_ids", unitIdColumns(texts("unit")));
  await replaceTable(engine, "intake_status_ids", statusIdColumns(texts("obs_status")));
  await replaceTable(
    engine,
    "intake_code_ids",
    codeIdColumns(
      catalog,
      dimensions.map((dimension) => ({ dimension, texts: texts(dimension) })),
    ),
  );
  await replaceTable(engine, "intake_breakdowns", breakdownColumns(catalog));
  for (const d of dimensions) await engine.exec(verdictSql(d));

  await engine.exec(checkedSql(dimensions));
  await engine.exec(duplicatesSql(dimensions));
  await engine.exec(flaggedSql(dimensions));
  await engine.exec(findingsSql(columns));
  await engine.exec(observationsSql(columns));
  const findings = (await engine.query(orderedFindingsSql)).map((r) => toFinding(table.file, r));
  const observations = await readObservations(
    engine,
    dimensions,
    readTexts(catalog, texts, dimensions),
  );
  const fixes = (await engine.query(fixesSql(columns, dimensions))).map(
    (r): Fix => ({
      kind: r.kind as Fix["kind"],
      column: String(r.column),
      from: String(r.from),
      to: String(r.to),
      count: Number(r.count),
      firstRow: Number(r.first_row),
    }),
  );
  return { findings, observations, fixes };
}
