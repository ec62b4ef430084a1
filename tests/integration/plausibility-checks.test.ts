import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import type { Finding } from "../../src/lib/intake/findings";
import { type IntakeResult, inspectFile } from "../../src/lib/intake/inspect-file";
import type { Observation } from "../../src/lib/observations/columns";
import {
  groupByIndicator,
  loadObservations,
  observationsToColumns,
} from "../../src/lib/observations/observation-table";
import { addWarnings } from "../../src/lib/plausibility/add-warnings";
import { observationsChecker } from "../../src/lib/plausibility/check-observations";
import { checkStagedPlausibility } from "../../src/lib/plausibility/check-staged";
import { stage } from "../../src/lib/submissions/submission-service";
import { observationsDataset } from "../../src/lib/tables/table-descriptors";
import { projectCatalog } from "../helpers/catalog";

const require = createRequire(import.meta.url);
const arrow = require("apache-arrow") as typeof import("apache-arrow");
const catalog = projectCatalog();
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/${name}`));
let engine: Engine;

beforeAll(async () => {
  engine = await startNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

const obs = (
  indicator: string,
  period: string,
  value: number | null,
  row?: number,
  dimensions: Observation["dimensions"] = {},
): Observation => ({
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
});

/** A quarterly series, every quarter of `from`–`to` from `value(year, quarter)`. */
function quarters(
  indicator: string,
  from: number,
  to: number,
  value: (year: number, quarter: number) => number,
): Observation[] {
  const out: Observation[] = [];
  for (let y = from; y <= to; y++)
    for (let q = 1; q <= 4; q++) out.push(obs(indicator, `${y}-Q${q}`, value(y, q)));
  return out;
}

// Returnees received: a season (Q2 and Q3 higher), small noise around it, 2018–2024.
const seasonal = (y: number, q: number) =>
  Math.round([1000, 1400, 1500, 900][q - 1] ?? 0) + ((y * 7 + q * 13) % 40);

async function check(
  history: readonly Observation[],
  incoming: readonly Observation[],
): Promise<Finding[]> {
  const run = await observationsChecker(engine, history, catalog);
  return run(incoming, "q.csv");
}

const codes = (findings: readonly Finding[]) => findings.map((f) => [f.code, f.row]);
/** The seasonal checks' findings: the year-on-year check speaks too, and is tested on its own. */
const seasonalOnly = (findings: readonly Finding[]) =>
  findings.filter((f) => f.code !== "unusual_jump");

describe("plausibility: values against their own series", () => {
  const history = quarters("returnees-received", 2018, 2024, seasonal);

  it("says nothing about a quarter in line with its season, though it differs from the quarter before", async () => {
    // 2025-Q2 ≈ 1,430 after 2025-Q1 ≈ 1,030: a 39 % rise, as every year.
    const file = [
      obs("returnees-received", "2025-Q1", seasonal(2025, 1), 2),
      obs("returnees-received", "2025-Q2", seasonal(2025, 2), 3),
    ];
    expect(await check(history, file)).toEqual([]);
  });

  it("flags a quarter five times its season's median, naming the median, the years and the score", async () => {
    const findings = seasonalOnly(
      await check(history, [obs("returnees-received", "2025-Q1", 5000, 2)]),
    );
    // Also a step from 2024-Q4 far beyond the usual, but one warning per value: the season's.
    expect(codes(findings)).toEqual([["seasonal_outlier", 2]]);
    const outlier = findings[0];
    // The seven other first quarters, 2018–2024: 1000 + (7y + 13) mod 40.
    const firsts = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => seasonal(y, 1)).sort();
    expect(outlier?.detail).toMatchObject({
      value: 5000,
      period: "2025-Q1",
      median: firsts[3],
      count: 7,
      first: "2018-Q1",
      last: "2024-Q1",
      limit: 3.5,
    });
  });

  it("flags a step from the quarter before far beyond the same step in other years", async () => {
    // 2025-Q1 low (530, about half its season: not an outlier, as a halving is the floor), then
    // 2025-Q2 at 1,600, in its season: +202 % where Q1 → Q2 is about +40 % every year.
    const findings = seasonalOnly(
      await check(history, [
        obs("returnees-received", "2025-Q1", 530, 2),
        obs("returnees-received", "2025-Q2", 1600, 3),
      ]),
    );
    expect(codes(findings)).toEqual([["unusual_period_change", 3]]);
    expect(findings[0]?.detail).toMatchObject({
      value: 1600,
      previous: 530,
      previousPeriod: "2025-Q1",
      percent: Math.round((1600 / 530 - 1) * 100),
      // The steps from a first quarter to the second in 2018 … 2024.
      count: 7,
    });
  });

  it("never judges from too few years: four earlier first quarters are not enough", async () => {
    const short = quarters("returnees-received", 2021, 2024, seasonal);
    const findings = await check(short, [obs("returnees-received", "2025-Q1", 5000, 2)]);
    expect(findings.filter((f) => f.code === "seasonal_outlier")).toEqual([]);
  });

  it("reads steady growth as a trend, not as an outlier", async () => {
    const growing = (y: number, q: number) => Math.round(seasonal(y, q) * 1.15 ** (y - 2018));
    const findings = await check(quarters("returnees-received", 2018, 2024, growing), [
      obs("returnees-received", "2025-Q1", growing(2025, 1), 2),
      obs("returnees-received", "2025-Q2", growing(2025, 2), 3),
    ]);
    expect(findings).toEqual([]);
  });

  it("also gives the year-on-year warning", async () => {
    const findings = await check(history, [obs("returnees-received", "2025-Q1", 5000, 2)]);
    expect(findings.map((f) => f.code).sort()).toEqual(["seasonal_outlier", "unusual_jump"]);
  });
});

describe("plausibility: the catalog's rules", () => {
  it("flags referrals above the returnees received in the same file, at the referrals' row", async () => {
    const findings = await check(
      [],
      [
        obs("returnees-received", "2025-Q1", 400, 2),
        obs("returnees-referred-to-services", "2025-Q1", 500, 3),
      ],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "rule_broken",
      row: 3,
      value: "500",
      detail: {
        rule: "referrals-within-received",
        period: "2025-Q1",
        breakdown: "total",
        left: 500,
        right: 400,
        leftTerms: "returnees-referred-to-services 500",
        rightTerms: "returnees-received 400",
      },
    });
  });

  it("leaves none of its working tables in the engine, whether a rule is broken or not", async () => {
    const working = async () =>
      (
        await engine.query(
          "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'plausibility%' ORDER BY 1",
        )
      ).map((r) => String(r.table_name));
    // The checker's own copies of the file and the history stay, for the next file it checks.
    await check([], [obs("returnees-received", "2025-Q1", 400, 2)]);
    const kept = await working();
    expect(kept).toEqual(["plausibility_history", "plausibility_incoming"]);
    const broken = await check(
      [],
      [
        obs("returnees-received", "2025-Q1", 400, 2),
        obs("returnees-referred-to-services", "2025-Q1", 500, 3),
      ],
    );
    expect(broken.map((f) => f.code)).toEqual(["rule_broken"]);
    expect(await working()).toEqual(kept);
  });

  it("flags a rule broken across the file and the accepted data, naming the accepted side", async () => {
    const findings = await check(
      [obs("returnees-received", "2025-Q1", 400)],
      [obs("returnees-referred-to-services", "2025-Q1", 500, 7)],
    );
    expect(findings.map((f) => [f.code, f.row, f.detail?.accepted])).toEqual([
      ["rule_broken_with_accepted", 7, "returnees-received"],
    ]);
  });

  it("compares breakdown by breakdown, and says nothing when the rule holds or a side is missing", async () => {
    const findings = await check(
      [
        obs("returnees-received", "2025-Q1", 400),
        obs("returnees-received", "2025-Q1", 100, undefined, { sex: "female" }),
      ],
      [
        obs("returnees-referred-to-services", "2025-Q1", 300, 2),
        obs("returnees-referred-to-services", "2025-Q1", 120, 3, { sex: "female" }),
        obs("returnees-referred-to-services", "2025-Q1", 180, 4, { sex: "male" }),
        obs("returnees-referred-to-services", "2025-Q2", 999, 5),
      ],
    );
    expect(findings.map((f) => [f.code, f.row, f.detail?.breakdown])).toEqual([
      ["rule_broken_with_accepted", 3, "sex=female"],
    ]);
  });

  it("a restated quarter replaces the accepted one: a file that fixes the received count breaks nothing", async () => {
    const findings = await check(
      [
        obs("returnees-received", "2025-Q1", 400),
        obs("returnees-referred-to-services", "2025-Q1", 500),
      ],
      [obs("returnees-received", "2025-Q1", 600, 2)],
    );
    expect(findings).toEqual([]);
  });
});

/**
 * A file as the intake reads it, then its plausibility in DuckDB, as the Data page and
 * `gcm validate` run the two: the intake's findings with the warnings added.
 */
async function intakeThenCheck(
  name: string,
  bytes: Uint8Array,
  history: readonly Observation[] = [],
): Promise<IntakeResult> {
  const read = await inspectFile(catalog, name, bytes);
  const run = await observationsChecker(engine, history, catalog);
  return addWarnings(read, await run(read.observations, name));
}

describe("plausibility of files read by the intake", () => {
  it("warns when subgroups add up to more than the total", async () => {
    const r = await intakeThenCheck("sub.csv", fixture("subgroup-over-total.csv"));
    expect(r.errors).toBe(0);
    expect(r.findings.find((f) => f.code === "subgroup_exceeds_total")).toMatchObject({
      severity: "warning",
      row: 2,
      detail: { dimension: "sex", sum: 1500, total: 1000 },
    });
  });

  it("does not add up a breakdown the catalog says may count a case twice, nor float rounding", async () => {
    // UNODC: a person convicted can count under more than one form of exploitation.
    const overlapping = await intakeThenCheck(
      "convicted.csv",
      new TextEncoder().encode(
        "indicator_id,period,value,exploitation,sex\n" +
          "trafficking-persons-convicted-unodc,2016,15,,\n" +
          "trafficking-persons-convicted-unodc,2016,12,sexual_exploitation,\n" +
          "trafficking-persons-convicted-unodc,2016,9,forced_labour,\n" +
          "trafficking-persons-convicted-unodc,2016,10,,female\n" +
          "trafficking-persons-convicted-unodc,2016,9,,male\n",
      ),
    );
    // Forms of exploitation (12 + 9 > 15) are not added up; sex still is (10 + 9 > 15).
    expect(
      overlapping.findings
        .filter((f) => f.code === "subgroup_exceeds_total")
        .map((f) => f.detail?.dimension),
    ).toEqual(["sex"]);
    // Amounts in the billions whose exact sum is the total: in floating point the parts add up to
    // 1769854508.5900002, a rounding excess, not a subgroup above its total.
    const amounts = await intakeThenCheck(
      "remittances.csv",
      new TextEncoder().encode(
        "indicator_id,period,value,department\n" +
          "remittance-inflows-usd,2024-Q1,1769854508.59,\n" +
          "remittance-inflows-usd,2024-Q1,994729776.24,HN-CR\n" +
          "remittance-inflows-usd,2024-Q1,70688627.18,HN-FM\n" +
          "remittance-inflows-usd,2024-Q1,704436105.17,HN-AT\n",
      ),
    );
    expect(amounts.findings.filter((f) => f.code === "subgroup_exceeds_total")).toEqual([]);
  });

  it("warns on a jump against the same quarter last year, not on seasonality", async () => {
    const history: Observation[] = [2021, 2022, 2023, 2024].flatMap((year) =>
      [1, 2, 3, 4].map((q) => ({
        indicator_id: "returnees-received",
        period: `${year}-Q${q}`,
        time: year + (q - 1) / 4,
        value: [800, 1200, 1300, 700][q - 1] ?? 0,
        dimensions: {},
        unit: null,
        obs_status: "normal" as const,
        source: null,
        note: null,
      })),
    );
    const csv = (q1: number, q2: number) =>
      new TextEncoder().encode(
        `indicator_id,period,value\nreturnees-received,2025-Q1,${q1}\nreturnees-received,2025-Q2,${q2}\n`,
      );
    const seasonal = await intakeThenCheck("a.csv", csv(820, 1190), history);
    expect(seasonal.findings.filter((f) => f.code === "unusual_jump")).toEqual([]);
    const jump = await intakeThenCheck("b.csv", csv(820, 4000), history);
    expect(
      jump.findings
        .filter((f) => f.code === "unusual_jump")
        .map((f) => [f.row, f.detail?.previousPeriod]),
    ).toEqual([[3, "2024-Q2"]]);
  });
});

describe("plausibility of a staged file, as the Data page runs it", () => {
  it("joins the spreadsheet rows back to the staged rows by position", async () => {
    await loadObservations(engine, [obs("returnees-received", "2025-Q1", 400)]);
    const file = [
      obs("returnees-referred-to-services", "2025-Q1", 10, 2),
      obs("returnees-referred-to-services", "2025-Q1", 200, 3, { sex: "male" }),
      obs("returnees-referred-to-services", "2025-Q1", 900, 4, { age_group: "0-17" }),
      obs("returnees-referred-to-services", "2025-Q1", 500, 5, { sex: "female" }),
    ];
    const ordered = groupByIndicator(file);
    await stage(engine, columnsToIpc(arrow, observationsToColumns(ordered)), observationsDataset);
    const rows = Int32Array.from(ordered, (o) => o.row ?? 0);
    const findings = await checkStagedPlausibility(
      engine,
      observationsDataset.staged,
      rows,
      catalog,
      "q.csv",
    );
    // Only the total is accepted, so only the file's total meets a received figure: 10 ≤ 400.
    // The file's own subgroups exceed its total, said at the total's spreadsheet row.
    expect(findings.map((f) => [f.code, f.row, f.column])).toEqual([
      ["subgroup_exceeds_total", 2, "sex"],
      ["subgroup_exceeds_total", 2, "age_group"],
    ]);
    await loadObservations(engine, [
      obs("returnees-received", "2025-Q1", 400),
      obs("returnees-received", "2025-Q1", 300, undefined, { sex: "female" }),
      obs("returnees-received", "2025-Q1", 800, undefined, { age_group: "0-17" }),
    ]);
    const again = await checkStagedPlausibility(
      engine,
      observationsDataset.staged,
      rows,
      catalog,
      "q.csv",
    );
    const broken = again.filter((f) => f.code !== "subgroup_exceeds_total");
    expect(broken.map((f) => [f.code, f.row, f.detail?.breakdown])).toEqual([
      ["rule_broken_with_accepted", 4, "age_group=0-17"],
      ["rule_broken_with_accepted", 5, "sex=female"],
    ]);
  });
});
