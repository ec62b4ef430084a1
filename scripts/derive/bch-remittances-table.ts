import { locateTable } from "../../src/lib/intake/locate-table";
import { detectNumberFormat } from "../../src/lib/intake/number-format";
import { parseNumber } from "../../src/lib/intake/parse-number";
import { readCsvGrid } from "../../src/lib/intake/read-csv";
import { parsePeriod } from "../../src/lib/observations/period";
import { bchDepartmentCode } from "./bch-departments";
import { requireColumns } from "./table-columns";

/** One month of remittances received in one department, as the BCH table gives it. */
export interface MonthlyRemittance {
  year: number;
  month: number;
  /** ISO 3166-2:HN code. */
  department: string;
  usd: number;
  /** Line in the file, for messages. */
  row: number;
}

const columns = ["Año", "Mes", "Departamento", "Monto"] as const;

/**
 * Reads BCH's "Ingresos por Remesas Familiares, Según Departamento" as exported to CSV: title
 * rows above the header and methodology notes below the data are found by locateTable, months
 * are Spanish names (`Enero`), amounts are USD. Anything it cannot read stops it, naming the line.
 */
export function readBchMonthlyRemittances(text: string, file: string): MonthlyRemittance[] {
  const { grid, delimiter } = readCsvGrid(text);
  const table = locateTable(grid);
  const at = requireColumns(table.header, columns, file);
  const cell = (cells: readonly string[], column: (typeof columns)[number]) =>
    (cells[at[column]] ?? "").trim();

  const format = detectNumberFormat(
    table.records.map((r) => cell(r.cells, "Monto")),
    delimiter,
  );
  if (format.guessed) throw new Error(`${file}: the decimal separator of "Monto" is ambiguous`);

  const seen = new Set<string>();
  return table.records.map(({ row, cells }) => {
    const period = parsePeriod(`${cell(cells, "Mes")} ${cell(cells, "Año")}`);
    if (!period.ok || period.period.periodicity !== "monthly" || period.period.part === undefined)
      throw new Error(
        `${file} line ${row}: month "${cell(cells, "Mes")}" of year "${cell(cells, "Año")}" is not a month`,
      );
    const department = bchDepartmentCode(cell(cells, "Departamento"));
    const amount = parseNumber(cell(cells, "Monto"), format.decimal);
    if (amount.kind !== "number" || amount.value < 0)
      throw new Error(`${file} line ${row}: amount "${cell(cells, "Monto")}" is not a USD amount`);
    const key = `${period.period.code} ${department}`;
    if (seen.has(key)) throw new Error(`${file} line ${row}: ${key} appears twice`);
    seen.add(key);
    return {
      year: period.period.year,
      month: period.period.part,
      department,
      usd: amount.value,
      row,
    };
  });
}
