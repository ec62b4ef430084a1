import type { Catalog, DimensionName, Indicator } from "../../catalog/schema";
import { dimensionNames } from "../../catalog/schema";
import type { Finding } from "../findings";
import type { FixLog } from "../fix-log";
import type { GridRow } from "../grid";
import { createRecoder } from "../recode";
import { cellPlace } from "./cell";
import type { CellReader } from "./cell-reader";

export type Breakdown = Partial<Record<DimensionName, string>>;

/**
 * Each breakdown cell is recoded to a catalog code (a recoding is logged as a fix; a code meaning
 * "total" leaves the dimension blank), then must be a known department and a breakdown the
 * indicator allows, with a code it allows. Gives the row's breakdown.
 */
export function createDimensionRule(catalog: Catalog, readCell: CellReader, fixes: FixLog) {
  const recode = createRecoder(catalog);
  const departments = new Set(
    catalog.dimensions.find((d) => d.id === "department")?.codes.map((c) => c.code),
  );
  return (
    file: string,
    record: GridRow,
    indicator: Indicator | undefined,
    findings: Finding[],
  ): Breakdown => {
    const { row } = record;
    const dimensions: Breakdown = {};
    for (const dimension of dimensionNames) {
      const cell = readCell(record, dimension);
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
        findings.push({
          severity: "error",
          code: "unknown_department",
          ...cellPlace(file, row, cell),
        });
        continue;
      }
      if (!indicator) continue;
      const allowed = indicator.disaggregations[dimension];
      if (!allowed)
        findings.push({
          severity: "error",
          code: "disaggregation_not_allowed",
          ...cellPlace(file, row, cell),
        });
      else if (!allowed.includes(code))
        findings.push({
          severity: "error",
          code: "code_not_allowed",
          ...cellPlace(file, row, cell),
          detail: { allowed: allowed.join(", ") },
        });
    }
    return dimensions;
  };
}
