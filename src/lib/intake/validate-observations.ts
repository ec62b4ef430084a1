import type { Catalog, DimensionName, Indicator } from "../catalog/schema";
import { dimensionNames } from "../catalog/schema";
import {
  type Observation,
  type ObservationColumn,
  type ObsStatus,
  obsStatuses,
  requiredColumns,
} from "../observations/columns";
import { parsePeriod, toFractionalYear } from "../observations/period";
import type { Finding } from "./findings";
import { mapHeader } from "./header-map";
import { parseNumber } from "./parse-number";
import type { CsvTable } from "./read-csv";

export interface ValidationResult {
  findings: Finding[];
  /** Rows that passed; only accepted when there is no error anywhere in the file. */
  observations: Observation[];
}

type Cells = Partial<Record<ObservationColumn, string>>;

function checkValue(indicator: Indicator, value: number): Pick<Finding, "code" | "detail"> | null {
  const { min, max, integer } = indicator.limits;
  if (min !== undefined && value < min) return { code: "below_minimum", detail: { min } };
  if (max !== undefined && value > max) return { code: "above_maximum", detail: { max } };
  if (integer && !Number.isInteger(value)) return { code: "fractional_count" };
  return null;
}

/**
 * Checks an observations table against the catalog. Every finding names the file, the
 * spreadsheet row and the column, so the officer can go straight to the cell.
 */
export function validateObservations(
  catalog: Catalog,
  table: CsvTable,
  file: string,
): ValidationResult {
  const findings: Finding[] = [];
  const observations: Observation[] = [];
  if (table.header.length === 0) {
    return { findings: [{ severity: "error", code: "empty_file", file }], observations };
  }
  const mapping = mapHeader(table.header);
  const headerRow = (table.records[0]?.row ?? 2) - 1;
  const headerName = new Map<ObservationColumn, string>();
  mapping.forEach((column, i) => {
    const name = table.header[i] ?? "";
    if (column === null)
      findings.push({
        severity: "warning",
        code: "unknown_column",
        file,
        row: headerRow,
        column: name,
      });
    else headerName.set(column, name);
  });
  const missing = requiredColumns.filter((c) => !headerName.has(c));
  for (const column of missing)
    findings.push({ severity: "error", code: "missing_column", file, row: headerRow, column });
  if (missing.length > 0) return { findings, observations };

  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const seenKeys = new Map<string, number>();

  for (const { row, cells } of table.records) {
    const get: Cells = {};
    mapping.forEach((column, i) => {
      if (column !== null) get[column] = (cells[i] ?? "").trim();
    });
    const at = (column: ObservationColumn, value: string) => ({
      file,
      row,
      column: headerName.get(column) ?? column,
      value,
    });
    const before = findings.length;

    const indicatorId = get.indicator_id ?? "";
    const indicator = indicators.get(indicatorId);
    if (!indicator)
      findings.push({
        severity: "error",
        code: "unknown_indicator",
        ...at("indicator_id", indicatorId),
      });

    const periodText = get.period ?? "";
    const period = parsePeriod(periodText);
    if (!period.ok) {
      findings.push({
        severity: "error",
        code: `${period.reason}_period`,
        ...at("period", periodText),
      });
    } else if (indicator && period.period.periodicity !== indicator.periodicity) {
      findings.push({
        severity: "error",
        code: "wrong_periodicity",
        ...at("period", periodText),
        detail: { expected: indicator.periodicity },
      });
    }

    const valueText = get.value ?? "";
    const number = parseNumber(valueText);
    if (number.kind === "invalid")
      findings.push({ severity: "error", code: "non_numeric_value", ...at("value", valueText) });
    if (number.kind === "missing")
      findings.push({ severity: "info", code: "missing_value", ...at("value", valueText) });
    if (number.kind === "number" && indicator) {
      const problem = checkValue(indicator, number.value);
      if (problem) findings.push({ severity: "error", ...problem, ...at("value", valueText) });
    }

    const dimensions: Partial<Record<DimensionName, string>> = {};
    for (const dimension of dimensionNames) {
      const code = get[dimension] ?? "";
      if (code === "") continue;
      dimensions[dimension] = code;
      const allowed = indicator?.disaggregations[dimension];
      if (!indicator) continue;
      if (!allowed)
        findings.push({
          severity: "error",
          code: "disaggregation_not_allowed",
          ...at(dimension, code),
        });
      else if (!allowed.includes(code))
        findings.push({
          severity: "error",
          code: "code_not_allowed",
          ...at(dimension, code),
          detail: { allowed: allowed.join(", ") },
        });
    }

    const key = [
      indicatorId,
      period.ok ? period.period.code : periodText,
      ...dimensionNames.map((d) => dimensions[d] ?? ""),
    ].join("\u0000");
    const firstRow = seenKeys.get(key);
    if (firstRow !== undefined)
      findings.push({ severity: "error", code: "duplicate_key", file, row, detail: { firstRow } });
    else seenKeys.set(key, row);

    const blocking = findings.slice(before).some((f) => f.severity === "error");
    if (!blocking && period.ok) {
      const status = (get.obs_status ?? "") as ObsStatus;
      observations.push({
        indicator_id: indicatorId,
        period: period.period.code,
        time: toFractionalYear(period.period),
        value: number.kind === "number" ? number.value : null,
        dimensions,
        unit: get.unit || null,
        obs_status: obsStatuses.includes(status) ? status : "normal",
        source: get.source || null,
        note: get.note || null,
      });
    }
  }
  return { findings, observations };
}
