import { describe, expect, it } from "vitest";
import {
  buildBreakdownSql,
  buildHeadlineSeriesSql,
  buildSeriesSql,
  selectionFilter,
} from "../../../src/lib/observations/series-sql";

const rest =
  "department IS NULL AND exploitation IS NULL AND case_status IS NULL AND topic IS NULL";
const totals = `sex IS NULL AND age_group IS NULL AND population_group IS NULL AND migration_status IS NULL AND disability IS NULL AND geography IS NULL AND ${rest}`;

describe("series SQL builders", () => {
  it("reads a blank disaggregation as the total", () => {
    expect(selectionFilter({})).toEqual({ sql: totals, params: [] });
  });

  it("binds chosen codes as parameters, never as SQL text", () => {
    const hostile = "USA' OR 1=1 --";
    expect(buildSeriesSql("remittance-cost-usd200", { geography: hostile })).toEqual({
      sql: "SELECT indicator_id, period, time, value, obs_status, source, note FROM observations WHERE indicator_id = ? AND sex IS NULL AND age_group IS NULL AND population_group IS NULL AND migration_status IS NULL AND disability IS NULL AND geography = ? AND department IS NULL AND exploitation IS NULL AND case_status IS NULL AND topic IS NULL ORDER BY time",
      params: ["remittance-cost-usd200", hostile],
    });
  });

  it("breaks one dimension down with every other at its total", () => {
    expect(buildBreakdownSql("returnees-received", "sex")).toEqual({
      sql: "SELECT sex AS code, period, time, value, obs_status, source, note FROM observations WHERE indicator_id = ? AND sex IS NOT NULL AND age_group IS NULL AND population_group IS NULL AND migration_status IS NULL AND disability IS NULL AND geography IS NULL AND department IS NULL AND exploitation IS NULL AND case_status IS NULL AND topic IS NULL ORDER BY code, time",
      params: ["returnees-received"],
    });
  });

  it("reads every headline in one scan", () => {
    const query = buildHeadlineSeriesSql([
      { indicatorId: "a", selection: {} },
      { indicatorId: "b", selection: { geography: "USA" } },
    ]);
    expect(query.sql).toBe(
      `SELECT indicator_id, period, time, value, obs_status, source, note FROM observations WHERE (indicator_id = ? AND ${totals}) OR (indicator_id = ? AND ${totals.replace("geography IS NULL", "geography = ?")}) ORDER BY indicator_id, time`,
    );
    expect(query.params).toEqual(["a", "b", "USA"]);
  });

  it("asks for nothing when there are no indicators", () => {
    expect(buildHeadlineSeriesSql([]).sql).toContain("WHERE false");
  });
});
