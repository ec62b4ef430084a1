import { type ObservationColumn, requiredColumns } from "../../observations/columns";
import type { Finding } from "../findings";
import type { TableLayout } from "./table-layout";

export interface ColumnCheck {
  findings: Finding[];
  /** The header name of each canonical column the file has: its first header cell. */
  headerName: Map<ObservationColumn, string>;
  /** Whether every required column is there (in the file, as a constant, or as wide periods). */
  complete: boolean;
}

/**
 * The header's own rules: a column that maps to nothing is a warning; a required column that
 * is neither in the file nor set for every row is an error, and then no row can be read.
 */
export function checkColumns(table: TableLayout): ColumnCheck {
  const { file } = table;
  const findings: Finding[] = [];
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
  return { findings, headerName, complete: missing.length === 0 };
}
