import type { Catalog } from "../../catalog/schema";
import type { ColumnValues } from "../../db/columns-to-ipc";
import type { Engine, Row } from "../../db/engine";
import type { Finding, FindingCode } from "../findings";
import type { Fix } from "../fix-log";
import type { RowChecker, ValidationResult } from "../rules/row-validator";
import type { PreparedTable, TableLayout } from "../rules/table-layout";
import { checkedSql, intakeRowsSql, verdictSql } from "./checked-sql";
import { duplicatesSql, findingsSql, flaggedSql, orderedFindingsSql } from "./findings-sql";
import { fixesSql } from "./fixes-sql";
import { observationsSql } from "./observations-sql";
import { readObservations } from "./read-observations";
import { createRowStager, type StagedRows } from "./row-stager";
import { sqlName } from "./sql-literal";

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
 * are staged by `createRowStager` (no engine needed: it can run in the intake worker), then
 * `runStagedRules` runs every rule in the engine. Gives what `createRowValidator` gives for the
 * same table.
 */
export function createSqlRowChecker(
  engine: Engine,
  catalog: Catalog,
  table: TableLayout,
): RowChecker {
  const stager = createRowStager(catalog, table);
  return {
    add: (records) => stager.add(records),
    finish: async () => {
      const staged = stager.finish();
      return "tables" in staged ? runStagedRules(engine, staged) : staged;
    },
  };
}

/** The row rules in DuckDB for a whole table at once. */
export async function checkRowsInDuckDb(
  engine: Engine,
  catalog: Catalog,
  table: PreparedTable,
): Promise<ValidationResult> {
  const checker = createSqlRowChecker(engine, catalog, table);
  checker.add(table.records);
  return await checker.finish();
}

/**
 * Runs every row rule over staged rows in the engine (`intake_checked`, a view of integer joins;
 * every rule a SELECT over the flagged rows; `intake_observations`, the rows without an error, a
 * view) and gives the findings, the fixes and the passing rows.
 */
export async function runStagedRules(
  engine: Engine,
  staged: StagedRows,
): Promise<ValidationResult> {
  const { file, columns, dimensions } = staged;
  for (const [name, table] of Object.entries(staged.tables))
    await replaceTable(engine, name, table);
  await engine.exec(intakeRowsSql(columns));
  for (const d of dimensions) await engine.exec(verdictSql(d));
  await engine.exec(checkedSql(dimensions));
  await engine.exec(duplicatesSql(dimensions));
  await engine.exec(flaggedSql(dimensions));
  await engine.exec(findingsSql(columns));
  await engine.exec(observationsSql(columns));
  const findings = (await engine.query(orderedFindingsSql)).map((r) => toFinding(file, r));
  const observations = await readObservations(engine, dimensions, staged.read);
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
  return { findings: [...staged.columnFindings, ...findings], observations, fixes };
}
