import type { Catalog, Indicator } from "../../catalog/schema";
import type { Finding } from "../findings";
import { type Cell, cellPlace } from "./cell";

/** The row's indicator must be in the catalog; gives the indicator, or undefined. */
export function createIndicatorRule(catalog: Catalog) {
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  return (file: string, row: number, cell: Cell, findings: Finding[]): Indicator | undefined => {
    const indicator = indicators.get(cell.text);
    if (!indicator)
      findings.push({
        severity: "error",
        code: "unknown_indicator",
        ...cellPlace(file, row, cell),
      });
    return indicator;
  };
}
