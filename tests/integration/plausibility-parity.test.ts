import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import type { Finding } from "../../src/lib/intake/findings";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import type { Observation } from "../../src/lib/observations/columns";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { stagePlausibilityTable } from "../../src/lib/plausibility/plausibility-table";
import { withPreparedSeries } from "../../src/lib/plausibility/prepared-series";
import {
  additiveIndicators,
  buildSubgroupExceedsTotalSql,
  overlappingBreakdowns,
  subgroupExceedsTotalFindings,
} from "../../src/lib/plausibility/subgroup-exceeds-total";
import { buildUnusualJumpSql, unusualJumpFindings } from "../../src/lib/plausibility/unusual-jump";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { projectCatalog } from "../helpers/catalog";
import { hostileFiles } from "../helpers/hostile-files";
import { subgroupExceedsTotal, unusualJumps } from "../helpers/reference-series-checks";

/**
 * The SQL ports of `unusual_jump` and `subgroup_exceeds_total` must give exactly the findings of
 * the JavaScript checks the intake ran before (tests/helpers/reference-series-checks.ts), on every fixture the intake tests read (with the
 * real accepted series as history) and on generated series built to sit on the thresholds.
 */

const catalog = projectCatalog();
const corpus = await hostileFiles();
let engine: Engine;
let accepted: Observation[];

beforeAll(async () => {
  engine = await startNodeEngine();
  accepted = await collectObservations();
}, 120_000);
afterAll(async () => {
  await engine.close();
});

const sorted = (findings: readonly Finding[]) =>
  findings.map((f) => JSON.stringify(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function javascriptAndSql(
  history: readonly Observation[],
  incoming: readonly Observation[],
  file: string,
  hashSql?: string,
) {
  await stagePlausibilityTable(engine, "parity_history", history);
  await stagePlausibilityTable(engine, "parity_incoming", incoming);
  const tables = { incoming: "parity_incoming", history: "parity_history" };
  const subgroups = buildSubgroupExceedsTotalSql(
    additiveIndicators(catalog),
    overlappingBreakdowns(catalog),
  );
  const jumps = buildUnusualJumpSql();
  return {
    javascript: sorted([
      ...subgroupExceedsTotal(catalog, incoming, file),
      ...unusualJumps(history, incoming, file),
    ]),
    sql: sorted(
      await withPreparedSeries(
        engine,
        tables,
        async () => [
          ...subgroupExceedsTotalFindings(
            await engine.query(subgroups.sql, subgroups.params),
            file,
          ),
          ...unusualJumpFindings(await engine.query(jumps.sql, jumps.params), file),
        ],
        hashSql,
      ),
    ),
  };
}

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(path);
    return /\.(csv|tsv|xlsx)$/i.test(entry.name) ? [path] : [];
  });
}

describe("plausibility SQL against the reference JavaScript checks", () => {
  const fixtures = fixtureFiles("tests/fixtures");

  it.each(fixtures)(
    "gives the same findings on %s",
    async (path) => {
      const name = path.split("/").pop() ?? path;
      const result = await inspectFile(catalog, name, new Uint8Array(readFileSync(path)));
      const { javascript, sql } = await javascriptAndSql(accepted, result.observations, name);
      expect(sql).toEqual(javascript);
    },
    120_000,
  );

  it.each(corpus.map((c) => [c.name, c] as const))(
    "gives the same findings on the hostile corpus: %s",
    async (_, file) => {
      const result = await inspectFile(catalog, file.fileName, file.bytes, {
        parquet: nodeParquet,
      });
      const { javascript, sql } = await javascriptAndSql(accepted, result.observations, "h");
      expect(sql).toEqual(javascript);
    },
    120_000,
  );

  it("gives the same findings on the UK file mapped to an indicator, as real-files reads it", async () => {
    const path = "tests/fixtures/real/ons-uk_opensdg_indicator_16-2-2.csv";
    const result = await inspectFile(catalog, "ons.csv", new Uint8Array(readFileSync(path)), {
      constants: { indicator_id: "trafficking-victims-identified" },
    });
    const { javascript, sql } = await javascriptAndSql(accepted, result.observations, "ons.csv");
    expect(sql).toEqual(javascript);
  });

  it("gives the same findings on every accepted series sent again as a file, with and without its history", async () => {
    const indicators = [...new Set(accepted.map((o) => o.indicator_id))];
    expect(indicators.length).toBeGreaterThan(5);
    for (const indicator of indicators) {
      const own = accepted
        .filter((o) => o.indicator_id === indicator)
        .map((o, i) => ({ ...o, row: i + 2 }));
      const others = accepted.filter((o) => o.indicator_id !== indicator);
      for (const history of [others, accepted]) {
        const { javascript, sql } = await javascriptAndSql(history, own, `${indicator}.csv`);
        expect(sql, indicator).toEqual(javascript);
      }
    }
  }, 180_000);

  it("finds something on the fixtures, so the comparison is not between two empty lists", async () => {
    const path = "tests/fixtures/subgroup-over-total.csv";
    const result = await inspectFile(catalog, "s.csv", new Uint8Array(readFileSync(path)));
    const { sql } = await javascriptAndSql(accepted, result.observations, "s.csv");
    expect(sql.some((f) => f.includes("subgroup_exceeds_total"))).toBe(true);
  });

  it("gives the same findings on generated series around every threshold", async () => {
    let checked = 0;
    let flagged = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { history, incoming } = generatedSeries(seed);
      const { javascript, sql } = await javascriptAndSql(history, incoming, "gen.csv");
      expect(sql, `seed ${seed}`).toEqual(javascript);
      checked += incoming.length;
      flagged += javascript.length;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(flagged).toBeGreaterThan(20);
  }, 180_000);

  it("gives the same findings when every series shares one hash, so the columns decide", async () => {
    // A real collision of DuckDB's 64-bit hash cannot be produced on demand: a constant hash
    // makes every series collide with every other, the worst case the fallback must survive.
    let flagged = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { history, incoming } = generatedSeries(seed);
      const { javascript, sql } = await javascriptAndSql(
        history,
        incoming,
        "gen.csv",
        "0::UBIGINT",
      );
      expect(sql, `seed ${seed}`).toEqual(javascript);
      flagged += javascript.length;
    }
    const subgroups = await inspectFile(
      catalog,
      "s.csv",
      new Uint8Array(readFileSync("tests/fixtures/subgroup-over-total.csv")),
    );
    const { javascript, sql } = await javascriptAndSql(
      accepted,
      subgroups.observations,
      "s.csv",
      "0::UBIGINT",
    );
    expect(sql).toEqual(javascript);
    expect(flagged + javascript.length).toBeGreaterThan(5);
  }, 180_000);
});

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const observation = (
  indicator: string,
  period: string,
  value: number | null,
  dimensions: Observation["dimensions"],
  row?: number,
): Observation => {
  return {
    indicator_id: indicator,
    period,
    time: 0,
    value,
    dimensions,
    unit: null,
    obs_status: "normal",
    source: null,
    note: null,
    ...(row === undefined ? {} : { row }),
  };
};

/**
 * Quarterly and annual series with breakdowns, steady or noisy, with zeros, missing values,
 * exact three-fold and half-again changes (where a logarithm's last bit decides), restated
 * periods, repeated rows in the file and subgroups that add up to just above or just at the total.
 */
function generatedSeries(seed: number): { history: Observation[]; incoming: Observation[] } {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const history: Observation[] = [];
  const incoming: Observation[] = [];
  let row = 2;
  const series: [string, Observation["dimensions"], "quarterly" | "annual"][] = [
    ["returnees-received", {}, "quarterly"],
    ["returnees-received", { sex: "female" }, "quarterly"],
    ["returnees-received", { sex: "male" }, "quarterly"],
    ["returnees-received", { age_group: "0-17" }, "quarterly"],
    ["returnees-received-by-disability", {}, "quarterly"],
    ["refugees-from-honduras", {}, "annual"],
  ];
  for (const [indicator, dimensions, periodicity] of series) {
    const years = 1 + Math.floor(next() * 8);
    const base = pick([0, 1, 2, 10, 100, 5000]);
    const noise = pick([0, 0.01, 0.2, 1]);
    const periods: string[] = [];
    for (let y = 2025 - years; y <= 2025; y++) {
      if (periodicity === "annual") periods.push(String(y));
      else for (let q = 1; q <= 4; q++) periods.push(`${y}-Q${q}`);
    }
    const incomingFrom = periods.length - pick([1, 2, 4, 5]);
    for (const [i, period] of periods.entries()) {
      const kind = next();
      const value =
        kind < 0.05
          ? null
          : kind < 0.1
            ? 0
            : kind < 0.2
              ? base * 3 + 2
              : kind < 0.3
                ? (base + 1) * 1.5 - 1
                : Math.round(base * (1 + noise * (next() - 0.5)) * (1 + (next() < 0.1 ? 4 : 0)));
      if (i < incomingFrom) history.push(observation(indicator, period, value, dimensions));
      else {
        if (next() < 0.2) history.push(observation(indicator, period, base, dimensions));
        incoming.push(observation(indicator, period, value, dimensions, row++));
        if (next() < 0.05) incoming.push(observation(indicator, period, base, dimensions, row++));
      }
    }
  }
  // Subgroups against their total in the file: above, equal, or only one dimension given.
  for (const period of ["2024", "2025"]) {
    const total = pick([10, 100]);
    const excess = pick([0, 0, 1, 1e-12]);
    incoming.push(observation("asylum-applications-by-hondurans", period, total, {}, row++));
    incoming.push(
      observation("asylum-applications-by-hondurans", period, total / 2, { sex: "female" }, row++),
    );
    incoming.push(
      observation(
        "asylum-applications-by-hondurans",
        period,
        total / 2 + excess,
        { sex: "male" },
        row++,
      ),
    );
  }
  return { history, incoming };
}
