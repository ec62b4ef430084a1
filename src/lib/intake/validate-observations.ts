import type { Catalog, DimensionName, Indicator, Unit } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import {
  type Observation,
  type ObservationColumn,
  type ObsStatus,
  obsStatuses,
  requiredColumns,
} from "../observations/columns";
import { parsePeriod, toFractionalYear } from "../observations/period";
import { detached } from "./detached-text";
import type { Finding } from "./findings";
import type { Fix, FixLog } from "./fix-log";
import { createFixLog } from "./fix-log";
import type { GridRow } from "./grid";
import { mapHeader } from "./header-map";
import type { DecimalSeparator } from "./number-format";
import { parseNumber } from "./parse-number";
import type { CsvTable } from "./read-csv";
import { createRecoder } from "./recode";
import { periodOfHeader } from "./wide-layout";

/** A located table with its columns mapped, ready to check row by row. */
export interface PreparedTable {
  file: string;
  header: string[];
  headerRow: number;
  /** Canonical column of each header cell (null: ignored). */
  columns: (ObservationColumn | null)[];
  /** Values that apply to every row, e.g. the indicator of a file that has no indicator column. */
  constants: Partial<Record<ObservationColumn, string>>;
  records: GridRow[];
  /** Header indexes holding one period each (a wide file); empty for a long file. */
  periodColumns: number[];
  decimal: DecimalSeparator;
}

export interface ValidationResult {
  findings: Finding[];
  /** Rows that passed; only accepted when there is no error anywhere in the file. */
  observations: Observation[];
  /** Changes made on the way in (trimmed spaces, normalised periods, recoded categories). */
  fixes: Fix[];
}

/** How many distinct repeated texts (units, sources, notes) one file's rows share at most. */
const maxKeptTexts = 50_000;

/** Unit spellings that mean each catalog unit, for the unit-mismatch rule. */
const unitWords: Record<Unit, readonly string[]> = {
  count: ["count", "number", "numero", "número", "personas", "persons", "casos", "cases"],
  percent: ["percent", "percentage", "porcentaje", "%", "pct"],
  ratio: ["ratio", "razon", "razón", "cociente"],
  rate_per_100k: [
    "rate_per_100k",
    "per 100000",
    "por 100000",
    "por 100 000",
    "per 100,000",
    "tasa",
  ],
  currency_usd: ["currency_usd", "usd", "us$", "dolares", "dólares", "dollars"],
  score: ["score", "puntaje", "puntuacion", "puntuación"],
  yes_no: ["yes_no", "si/no", "sí/no", "yes/no"],
  milestone: ["milestone", "hito", "etapa"],
};

function checkValue(indicator: Indicator, value: number): Pick<Finding, "code" | "detail"> | null {
  const { min, max, integer } = indicator.limits;
  if (min !== undefined && value < min) return { code: "below_minimum", detail: { min } };
  if (max !== undefined && value > max) return { code: "above_maximum", detail: { max } };
  if (integer && !Number.isInteger(value)) return { code: "fractional_count" };
  return null;
}

/** The columns of a simple long CSV table, mapped by header names: for scripts and tests. */
export function prepareLongTable(
  table: CsvTable,
  file: string,
  decimal: DecimalSeparator = ".",
): PreparedTable {
  const headerRow = (table.records[0]?.row ?? 2) - 1;
  return {
    file,
    header: table.header,
    headerRow,
    columns: mapHeader(table.header),
    constants: {},
    records: table.records,
    periodColumns: [],
    decimal,
  };
}

interface Cell {
  text: string;
  column: string;
}

/** A table's layout: everything about it but its rows. */
export type TableLayout = Omit<PreparedTable, "records">;

/** Checks rows as they come (a large file is read in parts), then gives the result. */
export interface RowValidator {
  add(records: readonly GridRow[]): void;
  finish(): ValidationResult;
}

const finished = (result: ValidationResult): RowValidator => ({
  add: () => undefined,
  finish: () => result,
});

/**
 * Checks a prepared table against the catalog. Every finding names the file, the spreadsheet
 * row and the column, so the officer can go straight to the cell.
 */
export function validatePrepared(
  catalog: Catalog,
  table: PreparedTable,
  onProgress?: (fraction: number) => void,
): ValidationResult {
  const validator = createRowValidator(catalog, table);
  const batch = 20_000;
  for (let start = 0; start < table.records.length; start += batch) {
    onProgress?.(start / table.records.length);
    validator.add(table.records.slice(start, start + batch));
  }
  return validator.finish();
}

export function createRowValidator(catalog: Catalog, table: TableLayout): RowValidator {
  const { file } = table;
  const findings: Finding[] = [];
  const observations: Observation[] = [];
  const fixes: FixLog = createFixLog();
  if (table.header.length === 0)
    return finished({
      findings: [{ severity: "error", code: "empty_file", file }],
      observations,
      fixes: [],
    });

  const headerName = new Map<ObservationColumn, string>();
  const periodColumns = new Set(table.periodColumns);
  table.columns.forEach((column, i) => {
    const name = table.header[i] ?? "";
    if (periodColumns.has(i)) return;
    if (column === null)
      findings.push({
        severity: "warning",
        code: "unknown_column",
        file,
        row: table.headerRow,
        column: name,
      });
    else if (!headerName.has(column)) headerName.set(column, name);
  });
  const wide = table.periodColumns.length > 0;
  const available = (c: ObservationColumn) =>
    headerName.has(c) ||
    table.constants[c] !== undefined ||
    (wide && (c === "period" || c === "value"));
  const missing = requiredColumns.filter((c) => !available(c));
  for (const column of missing)
    findings.push({
      severity: "error",
      code: "missing_column",
      file,
      row: table.headerRow,
      detail: { column },
    });
  if (missing.length > 0) return finished({ findings, observations, fixes: [] });

  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const recode = createRecoder(catalog);
  const departments = new Set(
    catalog.dimensions.find((d) => d.id === "department")?.codes.map((c) => c.code),
  );
  const periods = new Map<string, ReturnType<typeof parsePeriod>>();
  const periodOf = (text: string) => {
    let parsed = periods.get(text);
    if (!parsed) {
      parsed = parsePeriod(text);
      periods.set(detached(text), parsed);
    }
    return parsed;
  };
  // Repeated texts kept once, detached from the file's text so that parts already read can go.
  const kept = new Map<string, string>();
  const keep = (text: string): string => {
    let known = kept.get(text);
    if (known === undefined) {
      known = detached(text);
      // A column of mostly different texts (notes) is copied, not remembered.
      if (kept.size < maxKeptTexts) kept.set(known, known);
    }
    return known;
  };
  const keepOrNull = (text: string) => (text === "" ? null : keep(text));
  // Per breakdown, the first row of each indicator-period: small integer keys, cheap to hash.
  const seenKeys: Map<number, number>[] = [];
  const columnIndex = new Map<ObservationColumn, number>();
  table.columns.forEach((c, i) => {
    if (c !== null && !periodColumns.has(i) && !columnIndex.has(c)) columnIndex.set(c, i);
  });

  const label = (column: ObservationColumn) => headerName.get(column) ?? column;
  // Each column is read the same way on every row: decided once, not per cell.
  // A read column hands out one scratch cell, refilled per row: findings copy what they keep.
  type Source = { constant: Cell } | { index: number; scratch: Cell };
  const sources = new Map<ObservationColumn, Source>();
  const sourceOf = (column: ObservationColumn): Source => {
    let source = sources.get(column);
    if (!source) {
      const constant = table.constants[column];
      const index = columnIndex.get(column);
      source =
        constant !== undefined
          ? { constant: { text: constant, column: label(column) } }
          : index === undefined
            ? // Columns the file does not have read as one shared empty cell: no work, no allocation.
              { constant: { text: "", column: label(column) } }
            : { index, scratch: { text: "", column: label(column) } };
      sources.set(column, source);
    }
    return source;
  };
  const cellOf = (record: GridRow, column: ObservationColumn): Cell => {
    const source = sourceOf(column);
    if ("constant" in source) return source.constant;
    const raw = record.cells[source.index] ?? "";
    const text = raw.trim();
    if (text !== raw && text !== "")
      fixes.add(
        { kind: "trimmed", column: source.scratch.column, from: raw, to: text },
        record.row,
      );
    source.scratch.text = text;
    return source.scratch;
  };
  /**
   * A row's key as two small numbers, the indicator-period and the breakdown, found through maps
   * keyed by texts already hashed (the cell, the remembered period code, the recoded codes): no
   * key text is built per row.
   */
  const indicatorPeriods = new Map<string, Map<string, number>>();
  let indicatorPeriodCount = 0;
  const indicatorPeriodId = (indicator: string, period: string) => {
    let periods = indicatorPeriods.get(indicator);
    if (!periods) {
      periods = new Map();
      indicatorPeriods.set(detached(indicator), periods);
    }
    let id = periods.get(period);
    if (id === undefined) {
      id = indicatorPeriodCount++;
      periods.set(detached(period), id);
    }
    return id;
  };
  interface ComboNode {
    next: Map<string, ComboNode>;
    id: number;
  }
  const comboRoot: ComboNode = { next: new Map(), id: -1 };
  let comboCount = 0;
  // Rows with the same breakdown share one frozen object: a million rows, a few thousand objects.
  const sharedDimensions: Readonly<Partial<Record<DimensionName, string>>>[] = [];

  const checkRow = (
    row: number,
    indicatorCell: Cell,
    periodCell: Cell,
    valueCell: Cell,
    record: GridRow,
  ) => {
    const at = (cell: Cell) => ({ file, row, column: cell.column, value: cell.text });
    const before = findings.length;

    const indicator = indicators.get(indicatorCell.text);
    if (!indicator)
      findings.push({ severity: "error", code: "unknown_indicator", ...at(indicatorCell) });

    const period = periodOf(periodCell.text);
    if (!period.ok) {
      findings.push({ severity: "error", code: `${period.reason}_period`, ...at(periodCell) });
    } else {
      if (period.period.code !== periodCell.text) {
        fixes.add(
          {
            kind: "period_normalised",
            column: periodCell.column,
            from: periodCell.text,
            to: period.period.code,
          },
          row,
        );
      }
      if (indicator && period.period.periodicity !== indicator.periodicity) {
        findings.push({
          severity: "error",
          code: "wrong_periodicity",
          ...at(periodCell),
          detail: { expected: indicator.periodicity },
        });
      }
    }

    const number = parseNumber(valueCell.text, table.decimal);
    if (number.kind === "invalid")
      findings.push({ severity: "error", code: "non_numeric_value", ...at(valueCell) });
    if (number.kind === "missing")
      findings.push({ severity: "info", code: "missing_value", ...at(valueCell) });
    if (number.kind === "number" && indicator) {
      const problem = checkValue(indicator, number.value);
      if (problem) findings.push({ severity: "error", ...problem, ...at(valueCell) });
    }

    const unitCell = cellOf(record, "unit");
    if (indicator && unitCell.text !== "") {
      const words = unitWords[indicator.unit];
      if (!words.some((w) => w.toLowerCase() === unitCell.text.toLowerCase())) {
        findings.push({
          severity: "error",
          code: "unit_mismatch",
          ...at(unitCell),
          detail: { expected: indicator.unit },
        });
      }
    }

    const dimensions: Partial<Record<DimensionName, string>> = {};
    for (const dimension of dimensionNames) {
      const cell = cellOf(record, dimension);
      if (cell.text === "") continue;
      const code = recode(dimension, cell.text);
      if (code !== cell.text)
        fixes.add(
          {
            kind: "recoded",
            column: cell.column,
            from: cell.text,
            to: code === "" ? "(total)" : code,
          },
          row,
        );
      if (code === "") continue;
      dimensions[dimension] = code;
      if (dimension === "department" && !departments.has(code)) {
        findings.push({ severity: "error", code: "unknown_department", ...at(cell) });
        continue;
      }
      if (!indicator) continue;
      const allowed = indicator.disaggregations[dimension];
      if (!allowed)
        findings.push({ severity: "error", code: "disaggregation_not_allowed", ...at(cell) });
      else if (!allowed.includes(code))
        findings.push({
          severity: "error",
          code: "code_not_allowed",
          ...at(cell),
          detail: { allowed: allowed.join(", ") },
        });
    }

    const periodCode = period.ok ? period.period.code : periodCell.text;
    let node = comboRoot;
    for (const d of dimensionNames) {
      const code = dimensions[d] ?? "";
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), id: -1 };
        node.next.set(detached(code), child);
      }
      node = child;
    }
    if (node.id < 0) {
      node.id = comboCount++;
      sharedDimensions.push(Object.freeze(dimensions));
    }
    const comboId = node.id;
    let seen = seenKeys[comboId];
    if (!seen) {
      seen = new Map();
      seenKeys[comboId] = seen;
    }
    const key = indicatorPeriodId(indicatorCell.text, periodCode);
    const firstRow = seen.get(key);
    if (firstRow !== undefined)
      findings.push({ severity: "error", code: "duplicate_key", file, row, detail: { firstRow } });
    else seen.set(key, row);

    let blocking = false;
    for (let i = before; i < findings.length; i++)
      if (findings[i]?.severity === "error") blocking = true;
    if (!blocking && period.ok) {
      const status = cellOf(record, "obs_status").text as ObsStatus;
      observations.push({
        indicator_id: indicator?.id ?? keep(indicatorCell.text),
        period: period.period.code,
        time: toFractionalYear(period.period),
        value: number.kind === "number" ? number.value : null,
        dimensions: sharedDimensions[comboId] ?? dimensions,
        unit: unitCell.text ? keep(unitCell.text) : null,
        obs_status: obsStatuses.includes(status) ? status : "normal",
        source: keepOrNull(cellOf(record, "source").text),
        note: keepOrNull(cellOf(record, "note").text),
        row,
      });
    }
  };

  const add = (records: readonly GridRow[]) => {
    for (const record of records) {
      const indicatorCell = cellOf(record, "indicator_id");
      if (wide) {
        for (const index of table.periodColumns) {
          const name = table.header[index] ?? "";
          const periodText = periodOfHeader(name) ?? name;
          checkRow(
            record.row,
            indicatorCell,
            { text: periodText, column: name },
            { text: (record.cells[index] ?? "").trim(), column: name },
            record,
          );
        }
      } else {
        checkRow(
          record.row,
          indicatorCell,
          cellOf(record, "period"),
          cellOf(record, "value"),
          record,
        );
      }
    }
  };
  return { add, finish: () => ({ findings, observations, fixes: fixes.list() }) };
}

/** Validates a simple long CSV table whose header names the columns. */
export function validateObservations(
  catalog: Catalog,
  table: CsvTable,
  file: string,
): ValidationResult {
  return validatePrepared(catalog, prepareLongTable(table, file));
}
