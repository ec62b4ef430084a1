import type { Indicator } from "../../catalog/schema";
import { type PeriodParse, parsePeriod } from "../../observations/period";
import { detached } from "../detached-text";
import type { Finding } from "../findings";
import type { FixLog } from "../fix-log";
import { type Cell, cellPlace } from "./cell";

/**
 * The period must read as a period of the indicator's periodicity; another spelling of a valid
 * period (e.g. «2025T1») is normalised and logged as a fix. Each distinct text is parsed once.
 */
export function createPeriodRule(fixes: FixLog) {
  const periods = new Map<string, PeriodParse>();
  const periodOf = (text: string) => {
    let parsed = periods.get(text);
    if (!parsed) {
      parsed = parsePeriod(text);
      periods.set(detached(text), parsed);
    }
    return parsed;
  };
  return (
    file: string,
    row: number,
    cell: Cell,
    indicator: Indicator | undefined,
    findings: Finding[],
  ): PeriodParse => {
    const period = periodOf(cell.text);
    if (!period.ok) {
      findings.push({
        severity: "error",
        code: `${period.reason}_period`,
        ...cellPlace(file, row, cell),
      });
      return period;
    }
    if (period.period.code !== cell.text)
      fixes.add(
        { kind: "period_normalised", column: cell.column, from: cell.text, to: period.period.code },
        row,
      );
    if (indicator && period.period.periodicity !== indicator.periodicity)
      findings.push({
        severity: "error",
        code: "wrong_periodicity",
        ...cellPlace(file, row, cell),
        detail: { expected: indicator.periodicity },
      });
    return period;
  };
}
