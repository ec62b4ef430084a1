import type { Catalog } from "../../catalog/schema";
import { type Observation, type ObsStatus, obsStatuses } from "../../observations/columns";
import { toFractionalYear } from "../../observations/period";
import type { Finding } from "../findings";
import type { Fix } from "../fix-log";
import { createFixLog } from "../fix-log";
import type { GridRow } from "../grid";
import { periodOfHeader } from "../wide-layout";
import type { Cell } from "./cell";
import { createCellReader } from "./cell-reader";
import { checkColumns } from "./column-rules";
import { createDimensionRule } from "./dimension-rule";
import { createDuplicateKeyRule } from "./duplicate-key-rule";
import { createIndicatorRule } from "./indicator-rule";
import { createKeptTexts } from "./kept-texts";
import { createPeriodRule } from "./period-rule";
import type { TableLayout } from "./table-layout";
import { checkUnit } from "./unit-rule";
import { checkValue } from "./value-rule";

export interface ValidationResult {
  findings: Finding[];
  /** Rows that passed; only accepted when there is no error anywhere in the file. */
  observations: Observation[];
  /** Changes made on the way in (trimmed spaces, normalised periods, recoded categories). */
  fixes: Fix[];
}

/**
 * Checks rows as they come (a large file is read in parts), then gives the result: the JavaScript
 * rules here, or the rows staged for DuckDB's (src/lib/intake/sql).
 */
export interface RowChecker {
  add(records: readonly GridRow[]): void;
  finish(): ValidationResult | Promise<ValidationResult>;
}

/** The JavaScript rules, whose result is ready at once. */
export interface RowValidator extends RowChecker {
  finish(): ValidationResult;
}

const finished = (result: ValidationResult): RowValidator => ({
  add: () => undefined,
  finish: () => result,
});

/**
 * Checks rows against the catalog, one rule per job: the columns once, then per row the
 * indicator, period, value, unit, breakdown and key. A row without errors becomes an
 * observation. Every finding names the file, the spreadsheet row and the column.
 */
export function createRowValidator(catalog: Catalog, table: TableLayout): RowValidator {
  const { file } = table;
  if (table.header.length === 0)
    return finished({
      findings: [{ severity: "error", code: "empty_file", file }],
      observations: [],
      fixes: [],
    });
  const columns = checkColumns(table);
  const findings = columns.findings;
  const observations: Observation[] = [];
  if (!columns.complete) return finished({ findings, observations, fixes: [] });

  const fixes = createFixLog();
  const readCell = createCellReader(table, columns.headerName, fixes);
  const checkIndicator = createIndicatorRule(catalog);
  const checkPeriod = createPeriodRule(fixes);
  const checkDimensions = createDimensionRule(catalog, readCell, fixes);
  const checkKey = createDuplicateKeyRule();
  const keep = createKeptTexts();
  const keepOrNull = (text: string) => (text === "" ? null : keep(text));

  const checkRow = (record: GridRow, indicatorCell: Cell, periodCell: Cell, valueCell: Cell) => {
    const { row } = record;
    const before = findings.length;
    const indicator = checkIndicator(file, row, indicatorCell, findings);
    const period = checkPeriod(file, row, periodCell, indicator, findings);
    const number = checkValue(file, row, valueCell, table.decimal, indicator, findings);
    const unitCell = readCell(record, "unit");
    checkUnit(file, row, unitCell, indicator, findings);
    const dimensions = checkDimensions(file, record, indicator, findings);
    const periodCode = period.ok ? period.period.code : periodCell.text;
    const breakdown = checkKey(file, row, indicatorCell.text, periodCode, dimensions, findings);

    for (let i = before; i < findings.length; i++) if (findings[i]?.severity === "error") return;
    if (!period.ok) return;
    const status = readCell(record, "obs_status").text as ObsStatus;
    observations.push({
      indicator_id: indicator?.id ?? keep(indicatorCell.text),
      period: period.period.code,
      time: toFractionalYear(period.period),
      value: number.kind === "number" ? number.value : null,
      dimensions: breakdown,
      unit: unitCell.text ? keep(unitCell.text) : null,
      obs_status: obsStatuses.includes(status) ? status : "normal",
      source: keepOrNull(readCell(record, "source").text),
      note: keepOrNull(readCell(record, "note").text),
      row,
    });
  };

  // A wide file holds one observation per period column of each row.
  const add = (records: readonly GridRow[]) => {
    for (const record of records) {
      const indicatorCell = readCell(record, "indicator_id");
      if (table.periodColumns.length === 0) {
        checkRow(record, indicatorCell, readCell(record, "period"), readCell(record, "value"));
        continue;
      }
      for (const index of table.periodColumns) {
        const name = table.header[index] ?? "";
        checkRow(
          record,
          indicatorCell,
          { text: periodOfHeader(name) ?? name, column: name },
          { text: (record.cells[index] ?? "").trim(), column: name },
        );
      }
    }
  };
  return { add, finish: () => ({ findings, observations, fixes: fixes.list() }) };
}
