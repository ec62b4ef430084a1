import { describe, expect, it } from "vitest";
import { buildPeriodChangeSql } from "../../../src/lib/plausibility/period-change";
import {
  preparedSeries,
  prepareSeriesSql,
  seriesHashSql,
} from "../../../src/lib/plausibility/prepared-series";
import { buildSeasonalOutlierSql } from "../../../src/lib/plausibility/seasonal-outlier";
import { buildUnusualJumpSql } from "../../../src/lib/plausibility/unusual-jump";

const tables = { incoming: "file_rows", history: "accepted_rows" };

describe("prepared series: the rows the series checks read, prepared once per file", () => {
  it("numbers each series once and matches a blank breakdown only with a blank one", () => {
    const [rows, keys, , file, accepted] = prepareSeriesSql(tables);
    expect(rows).toContain(`CREATE OR REPLACE TABLE ${preparedSeries.rows}`);
    expect(rows).toContain("FROM file_rows");
    expect(keys).toContain(`CREATE OR REPLACE TABLE ${preparedSeries.keys}`);
    expect(keys).toContain("row_number() OVER ()");
    expect(file).toContain("r.sex IS NOT DISTINCT FROM k.sex");
    expect(file).not.toMatch(/r\.sex = k\.sex/);
    // Only the accepted rows of the file's own indicators are prepared.
    expect(accepted).toContain(
      `WHERE indicator_id IN (SELECT DISTINCT indicator_id FROM ${preparedSeries.rows})`,
    );
  });

  it("joins a row to its series by hash, comparing the columns only where two series share one", () => {
    const [rows, keys, , file, accepted] = prepareSeriesSql(tables);
    expect(rows).toContain(`${seriesHashSql} AS h`);
    expect(keys).toContain("count(*) OVER (PARTITION BY h) = 1 AS alone");
    for (const statement of [file, accepted])
      expect(statement).toMatch(
        /ON k\.h = r\.h AND \(k\.alone OR \(r\.indicator_id IS NOT DISTINCT FROM/,
      );
    // The file's rows are read from the staged table once; later statements read the copy.
    for (const statement of [keys, file, accepted])
      expect(statement).not.toContain("FROM file_rows");
    expect(prepareSeriesSql(tables, "0::UBIGINT")[0]).toContain("0::UBIGINT AS h");
  });

  it("reads each distinct period's text once, and the rows join that small table", () => {
    const [, , periods, ...rows] = prepareSeriesSql(tables);
    expect(periods).toContain(`CREATE OR REPLACE TABLE ${preparedSeries.periods}`);
    expect(periods).toContain("SELECT DISTINCT period");
    expect(periods?.match(/regexp_full_match/g)).toHaveLength(3);
    for (const statement of rows) {
      expect(statement).not.toContain("regexp_full_match");
      // A row whose period is NULL keeps its row, with a NULL shape.
      expect(statement).toContain(`LEFT JOIN ${preparedSeries.periods} p ON p.period = r.period`);
    }
  });

  it("refuses a table name that is not a plain identifier", () => {
    expect(() =>
      prepareSeriesSql({ incoming: "x; DROP TABLE observations", history: "h" }),
    ).toThrow(/not a table name/);
  });

  it("builds the lists medians need only for the seasons and steps that hold a candidate", () => {
    expect(buildSeasonalOutlierSql().sql).toContain(
      "WHERE series IN (SELECT series FROM candidates)",
    );
    expect(buildPeriodChangeSql().sql).toContain("WHERE series IN (SELECT series FROM candidates)");
    // No window list over every row, the cost that made a million rows take half a minute.
    expect(buildSeasonalOutlierSql().sql).not.toMatch(/list\([^)]*\)\s+OVER/);
    expect(buildPeriodChangeSql().sql).not.toMatch(/list\([^)]*\)\s+OVER/);
  });

  it("joins the checks on the integer series, never on the text of eleven columns", () => {
    for (const { sql } of [
      buildSeasonalOutlierSql(),
      buildPeriodChangeSql(),
      buildUnusualJumpSql(),
    ]) {
      expect(sql).not.toContain("IS NOT DISTINCT FROM");
      expect(sql).not.toContain("chr(0)");
    }
  });
});
