import { type MonthlyRemittance, readBchMonthlyRemittances } from "./bch-remittances-table";
import { departmentCodes } from "./departments";
import type { Deriver } from "./deriver";
import { monthsOfQuarter, quarterCode, quarterOfMonth } from "./quarters";
import { readRawUtf8 } from "./raw-utf8";
import { type TidyRow, tidyCsv } from "./tidy-csv";

const source = "bch-remittances-department-2017-2025";
export const bchRawFile = "bch_remesas_por_departamento_2017-2025_Departamento.csv";
const indicatorId = "remittance-inflows-usd";

const monthNames = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

/** A department's quarter: whole cents when all three months are there, else the months it has. */
type QuarterSum = { cents: number } | { months: number[] };

function sumQuarter(months: readonly MonthlyRemittance[], quarter: number): QuarterSum {
  const present = monthsOfQuarter(quarter).filter((m) => months.some((r) => r.month === m));
  if (present.length < 3) return { months: present };
  const usd = [...months].sort((a, b) => a.month - b.month).reduce((sum, r) => sum + r.usd, 0);
  return { cents: Math.round(usd * 100) };
}

/**
 * Quarterly remittances in USD, one row per department and quarter plus the national total
 * (blank department) as the sum of the 18 departments. A quarter is the sum of its three months,
 * rounded to cents; a quarter missing a month has no value and a note, never a partial sum.
 * Every quarter of every year the table touches is listed, so a gap shows as a gap.
 */
export function quarterlyRemittanceRows(
  monthly: readonly MonthlyRemittance[],
  sourceId: string,
): TidyRow[] {
  const departments = departmentCodes;
  const years = [...new Set(monthly.map((r) => r.year))].sort((a, b) => a - b);
  const rows: TidyRow[] = [];
  const row = (period: string, value: number | null, department?: string, note?: string) =>
    rows.push({
      indicator_id: indicatorId,
      period,
      value,
      ...(department ? { dimensions: { department } } : {}),
      obs_status: "normal",
      source: sourceId,
      ...(note ? { note } : {}),
    });
  for (const year of years)
    for (const quarter of [1, 2, 3, 4]) {
      const period = quarterCode(year, quarter);
      const sums = departments.map((department) => ({
        department,
        sum: sumQuarter(
          monthly.filter(
            (r) =>
              r.department === department && r.year === year && quarterOfMonth(r.month) === quarter,
          ),
          quarter,
        ),
      }));
      const incomplete = sums.filter((s) => !("cents" in s.sum)).map((s) => s.department);
      row(
        period,
        incomplete.length > 0
          ? null
          : sums.reduce((total, s) => total + ("cents" in s.sum ? s.sum.cents : 0), 0) / 100,
        undefined,
        incomplete.length > 0
          ? `No national total: ${incomplete.join(", ")} lack a month of the quarter in the source; no partial sum is published.`
          : undefined,
      );
      for (const { department, sum } of sums)
        if ("cents" in sum) row(period, sum.cents / 100, department);
        else
          row(
            period,
            null,
            department,
            `Only ${sum.months.length} of the quarter's 3 months in the source (${
              sum.months.map((m) => monthNames[m - 1]).join(", ") || "none"
            }); no partial sum is published.`,
          );
    }
  return rows;
}

/** BCH family remittance inflows by receiving department, monthly 2017–2025, summed by quarter. */
export const bchRemittances: Deriver = {
  output: "remittance-inflows-usd.csv",
  sources: [source],
  derive: async () =>
    tidyCsv(
      quarterlyRemittanceRows(
        readBchMonthlyRemittances(readRawUtf8(source, bchRawFile), bchRawFile),
        source,
      ),
    ),
};
