import type { DepartmentPoint } from "../observations/department-values";
import { quantileBreaks } from "./class-breaks";

export interface DepartmentRow {
  code: string;
  point: DepartmentPoint | undefined;
  value: number | null;
}

/**
 * What a map shows for one period: every department (in the dimension's order) with its value or
 * none, the class breaks of the values present, and the highest and lowest, for the summary.
 */
export function departmentMapModel(
  codes: readonly string[],
  at: ReadonlyMap<string, DepartmentPoint> | undefined,
) {
  const rows: DepartmentRow[] = codes.map((code) => {
    const point = at?.get(code);
    return { code, point, value: point?.value ?? null };
  });
  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const ranked = rows
    .filter((r): r is DepartmentRow & { value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value);
  return {
    rows,
    breaks: quantileBreaks(values),
    hasZero: values.includes(0),
    noData: rows.length - values.length,
    highest: ranked[0] ?? null,
    lowest: ranked.at(-1) ?? null,
  };
}
