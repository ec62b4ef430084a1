import { dimensionNames } from "../../catalog/schema";
import { detached } from "../detached-text";
import type { Finding } from "../findings";
import type { Breakdown } from "./dimension-rule";

interface BreakdownNode {
  next: Map<string, BreakdownNode>;
  id: number;
}

/**
 * One row per indicator, period and breakdown: a later row with the same key is an error naming
 * the first. A key is two small numbers, the indicator-period and the breakdown, found through
 * maps keyed by texts already hashed (the cell, the period code, the recoded codes): no key text
 * is built per row. Gives the breakdown as one frozen object shared by every row that has it:
 * a million rows, a few thousand objects.
 */
export function createDuplicateKeyRule() {
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
  const root: BreakdownNode = { next: new Map(), id: -1 };
  const breakdowns: Readonly<Breakdown>[] = [];
  const breakdownId = (dimensions: Breakdown) => {
    let node = root;
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
      node.id = breakdowns.length;
      breakdowns.push(Object.freeze(dimensions));
    }
    return node.id;
  };
  // Per breakdown, the first row of each indicator-period.
  const firstRows: Map<number, number>[] = [];

  return (
    file: string,
    row: number,
    indicator: string,
    period: string,
    dimensions: Breakdown,
    findings: Finding[],
  ): Readonly<Breakdown> => {
    const id = breakdownId(dimensions);
    let seen = firstRows[id];
    if (!seen) {
      seen = new Map();
      firstRows[id] = seen;
    }
    const key = indicatorPeriodId(indicator, period);
    const firstRow = seen.get(key);
    if (firstRow !== undefined)
      findings.push({ severity: "error", code: "duplicate_key", file, row, detail: { firstRow } });
    else seen.set(key, row);
    return breakdowns[id] ?? dimensions;
  };
}
