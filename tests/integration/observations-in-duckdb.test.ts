import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { readCsv } from "../../src/lib/intake/read-csv";
import {
  exportObservationsParquet,
  loadObservations,
  loadObservationsParquet,
} from "../../src/lib/observations/observation-table";
import {
  buildBreakdownSql,
  buildHeadlineSeriesSql,
  buildSeriesSql,
} from "../../src/lib/observations/series-sql";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";

// One DuckDB-wasm instance for the file: instantiating costs about a second.
let engine: Engine;

// The demo is loaded explicitly: several checks here are about its illustrative series.
beforeAll(async () => {
  engine = await startNodeEngine();
  await loadObservations(engine, await collectObservations(["real", "demo"]));
});

/** Rows, rows with a value and distinct indicators of every CSV in the given folders, read directly. */
function countFiles(dirs: readonly string[]): {
  rows: number;
  with_value: number;
  indicators: number;
} {
  const ids = new Set<string>();
  let rows = 0;
  let withValue = 0;
  for (const dir of dirs)
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
      const table = readCsv(readFileSync(join(dir, file), "utf8"));
      const value = table.header.indexOf("value");
      const indicator = table.header.indexOf("indicator_id");
      for (const record of table.records) {
        rows++;
        if ((record.cells[value] ?? "") !== "") withValue++;
        ids.add(record.cells[indicator] ?? "");
      }
    }
  return { rows, with_value: withValue, indicators: ids.size };
}
afterAll(async () => engine.close());

describe("data/ loaded into DuckDB-wasm under Node", () => {
  it("holds every observation of the real and demo files, missing values kept as NULL", async () => {
    const [counts] = await engine.query(
      "SELECT count(*) AS rows, count(value) AS with_value, count(DISTINCT indicator_id) AS indicators FROM observations",
    );
    const expected = countFiles(["data/observations", "data/demo/observations"]);
    expect(counts).toEqual(expected);
    expect(expected.rows).toBeGreaterThan(expected.with_value);
  });

  it("reads the real USA→Honduras cost: 3.882% in 2020-Q3, 4.157% at the 2017-Q1 baseline", async () => {
    const { sql, params } = buildSeriesSql("remittance-cost-usd200", { geography: "USA" });
    const rows = await engine.query(sql, params);
    const byPeriod = new Map(rows.map((r) => [r.period, r.value]));
    expect(byPeriod.get("2020-Q3")).toBe(3.882);
    expect(byPeriod.get("2017-Q1")).toBe(4.157);
    expect(byPeriod.get("2014-Q2")).toBeNull();
    expect(rows).toHaveLength(35);
  });

  it("sums illustrative returnees per year at Honduras scale, with 2019 the peak", async () => {
    const rows = await engine.query(
      `SELECT floor(time)::INTEGER AS year, sum(value) AS returnees FROM observations
       WHERE indicator_id = ? AND sex IS NULL AND age_group IS NULL AND geography IS NULL AND department IS NULL
       GROUP BY year ORDER BY year`,
      ["returnees-received"],
    );
    expect(rows).toHaveLength(8);
    const peak = rows.reduce((a, b) => (Number(b.returnees) > Number(a.returnees) ? b : a));
    expect(peak.year).toBe(2019);
  });

  it("keeps sex breakdowns consistent with the total in every quarter that has them", async () => {
    const mismatches = await engine.query(
      `SELECT t.period FROM observations t JOIN (
         SELECT period, sum(value) AS s FROM observations WHERE indicator_id = ? AND sex IS NOT NULL GROUP BY period
       ) b USING (period)
       WHERE t.indicator_id = ? AND t.sex IS NULL AND t.age_group IS NULL AND t.geography IS NULL
         AND t.department IS NULL AND t.value <> b.s`,
      ["returnees-received", "returnees-received"],
    );
    expect(mismatches).toEqual([]);
  });

  it("returns every headline series in one query", async () => {
    const { sql, params } = buildHeadlineSeriesSql([
      { indicatorId: "remittance-cost-usd200", selection: { geography: "USA" } },
      { indicatorId: "children-in-detention", selection: {} },
    ]);
    const rows = await engine.query(sql, params);
    const counts = rows.reduce<Record<string, number>>((acc, r) => {
      const id = String(r.indicator_id);
      acc[id] = (acc[id] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual({ "children-in-detention": 32, "remittance-cost-usd200": 35 });
  });

  it("breaks a series down by one dimension", async () => {
    const { sql, params } = buildBreakdownSql("children-in-detention", "population_group");
    const codes = new Set((await engine.query(sql, params)).map((r) => r.code));
    expect(codes).toEqual(new Set(["accompanied", "unaccompanied"]));
  });

  it("binds hostile text as a value: nothing is injected", async () => {
    const { sql, params } = buildSeriesSql("x'; DROP TABLE observations; --", {
      sex: "' OR 1=1 --",
    });
    expect(await engine.query(sql, params)).toEqual([]);
    const [still] = await engine.query("SELECT count(*) AS n FROM observations");
    expect(still?.n).toBe(countFiles(["data/observations", "data/demo/observations"]).rows);
  });

  it("writes Parquet and reads it back to the same table", async () => {
    const parquet = await exportObservationsParquet(engine, nodeParquet);
    expect(new TextDecoder().decode(parquet.slice(0, 4))).toBe("PAR1");
    const before = await engine.query(
      "SELECT indicator_id, sum(value) AS s, count(*) AS n FROM observations GROUP BY 1 ORDER BY 1",
    );
    const second = await startNodeEngine();
    try {
      await loadObservationsParquet(second, nodeParquet, parquet);
      const after = await second.query(
        "SELECT indicator_id, sum(value) AS s, count(*) AS n FROM observations GROUP BY 1 ORDER BY 1",
      );
      expect(after).toEqual(before);
      const [types] = await second.query(
        "SELECT typeof(value) AS v, typeof(time) AS t, typeof(sex) AS s FROM observations LIMIT 1",
      );
      expect(types).toEqual({ v: "DOUBLE", t: "DOUBLE", s: "VARCHAR" });
    } finally {
      await second.close();
    }
  });

  it("fails fast instead of downloading an extension", async () => {
    await expect(engine.query("SELECT * FROM read_parquet('nowhere.parquet')")).rejects.toThrow();
  });
});
