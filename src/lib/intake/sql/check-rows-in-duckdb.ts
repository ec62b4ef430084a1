import type { Catalog, DimensionName } from "../../catalog/schema";
import { dimensionNames } from "../../catalog/schema";
import type { ColumnValues } from "../../db/columns-to-ipc";
import type { Engine, Row } from "../../db/engine";
import type { ObservationColumn } from "../../observations/columns";
import type { Finding, FindingCode } from "../findings";
import type { Fix } from "../fix-log";
import { checkColumns } from "../rules/column-rules";
import type { ValidationResult } from "../rules/row-validator";
import type { PreparedTable } from "../rules/table-layout";
import { cellsSql } from "./cells-sql";
import { checkedSql } from "./checked-sql";
import { findingsSql, orderedFindingsSql } from "./findings-sql";
import { fixesSql } from "./fixes-sql";
import {
  breakdownColumns,
  codeColumns,
  departmentColumns,
  indicatorColumns,
  periodColumns,
  unitWordColumns,
} from "./lookup-tables";
import { observationsSql } from "./observations-sql";
import { readObservations } from "./read-observations";
import { sqlName } from "./sql-literal";
import { ruleColumns, type StagedColumn, stagedName } from "./staged-columns";

/** Where each rule column comes from in this table. */
function stagedColumns(
  table: PreparedTable,
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

/** The located rows as staged columns: `row` and the raw text of every column the rules read. */
function rawColumns(
  table: PreparedTable,
  columns: readonly StagedColumn[],
  index: ReadonlyMap<ObservationColumn, number>,
): Record<string, ColumnValues> {
  const { records } = table;
  const raw: Record<string, ColumnValues> = {
    row: { kind: "number", values: records.map((r) => r.row) },
  };
  for (const { column, from } of columns) {
    if (from === "absent") continue;
    const constant = table.constants[column];
    const at = index.get(column) ?? -1;
    raw[stagedName(column)] = {
      kind: "text",
      values:
        constant !== undefined
          ? records.map(() => constant)
          : records.map((r) => r.cells[at] ?? ""),
    };
  }
  return raw;
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

/**
 * The row rules as set-based SQL in DuckDB, for a long table (one observation per row): the rows
 * are staged (`intake_raw`), read as the rules read them (`intake_cells`), joined once to the
 * catalog and to the parsed periods and recoded breakdowns of their distinct texts
 * (`intake_checked`), then every rule is one SELECT (`intake_findings`); the rows without an
 * error are `intake_observations`. Gives what `createRowValidator` gives for the same table.
 */
export async function checkRowsInDuckDb(
  engine: Engine,
  catalog: Catalog,
  table: PreparedTable,
): Promise<ValidationResult> {
  if (table.header.length === 0)
    return {
      findings: [{ severity: "error", code: "empty_file", file: table.file }],
      observations: [],
      fixes: [],
    };
  if (table.periodColumns.length > 0) throw new Error("checkRowsInDuckDb reads long tables only");
  const checked = checkColumns(table);
  if (!checked.complete) return { findings: checked.findings, observations: [], fixes: [] };
  const { columns, index } = stagedColumns(table, checked.headerName);

  await replaceTable(engine, "intake_raw", rawColumns(table, columns, index));
  await replaceTable(engine, "intake_indicators", indicatorColumns(catalog));
  await replaceTable(engine, "intake_breakdowns", breakdownColumns(catalog));
  await replaceTable(engine, "intake_unit_words", unitWordColumns());
  await replaceTable(engine, "intake_departments", departmentColumns(catalog));
  await engine.exec(
    "CREATE OR REPLACE TABLE intake_breakdown_lists AS SELECT DISTINCT indicator_id, dimension, allowed FROM intake_breakdowns",
  );
  await engine.exec(cellsSql(columns));

  const periods = await engine.query("SELECT DISTINCT period AS text FROM intake_cells");
  await replaceTable(engine, "intake_periods", periodColumns(periods.map((p) => String(p.text))));
  const present = dimensionNames.filter((d) =>
    columns.some((c) => c.column === d && c.from !== "absent"),
  );
  const texts =
    present.length === 0
      ? []
      : await engine.query(
          present
            .map(
              (d) =>
                `SELECT DISTINCT '${d}' AS dimension, ${sqlName(d)} AS text FROM intake_cells WHERE ${sqlName(d)} <> ''`,
            )
            .join(" UNION ALL "),
        );
  await replaceTable(
    engine,
    "intake_codes",
    codeColumns(
      catalog,
      texts.map((t) => ({ dimension: t.dimension as DimensionName, text: String(t.text) })),
    ),
  );

  await engine.exec(checkedSql(columns, table.decimal));
  await engine.exec(findingsSql(columns));
  await engine.exec(observationsSql);
  const findings = (await engine.query(orderedFindingsSql)).map((r) => toFinding(table.file, r));
  const observations = await readObservations(engine);
  const fixes = (await engine.query(fixesSql(columns))).map(
    (r): Fix => ({
      kind: r.kind as Fix["kind"],
      column: String(r.column),
      from: String(r.from),
      to: String(r.to),
      count: Number(r.count),
      firstRow: Number(r.first_row),
    }),
  );
  return { findings: [...checked.findings, ...findings], observations, fixes };
}
