import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  generateIllustrativeRows,
  illustrativeCsv,
  illustrativeFile,
} from "../../../scripts/generate-illustrative-data";
import { reshapeRpwCorridors } from "../../../scripts/lib/rpw-corridors";
import { readCsv } from "../../../src/lib/intake/read-csv";

describe("demo data", () => {
  it("regenerates the committed illustrative file from its seed (npm run data:illustrative)", () => {
    expect(illustrativeCsv()).toBe(readFileSync(illustrativeFile, "utf8"));
  });
});

describe("reshapeRpwCorridors", () => {
  const wide = readCsv(
    [
      "\uFEFFSending Countries Name,Sending Countries Code,Series Name,Series Code,Receiving Countries  Name,Receiving Countries  Code,2013Q1 [YR2013Q1],2013Q2 [YR2013Q2],2013Q3 [YR2013Q3]",
      "United States of America,USA,Average Total Cost,ATCR.CORR,Honduras,HND,4.68818187713623,-4.5,..",
      "Spain,ESP,Average Total Cost,ATCR.CORR,Honduras,HND,..,5.1,6",
      "",
      "Data from database: Remittance Prices Worldwide (Corridors),,,,,,,,",
    ].join("\n"),
  );

  it("turns one column per quarter into one row per quarter, skipping `..`", () => {
    const rows = reshapeRpwCorridors(wide, "HND", ["USA", "ESP"], "cost", "wb");
    expect(rows.map((r) => [r.dimensions?.geography, r.period, r.value])).toEqual([
      ["USA", "2013-Q1", 4.688],
      ["USA", "2013-Q2", null],
      ["ESP", "2013-Q2", 5.1],
      ["ESP", "2013-Q3", 6],
    ]);
  });

  it("keeps an impossible negative cost as a missing value that says what the source held", () => {
    const negative = reshapeRpwCorridors(wide, "HND", ["USA"], "cost", "wb").find(
      (r) => r.period === "2013-Q2",
    );
    expect(negative?.note).toContain("-4.5");
  });

  it("fails loudly when a corridor is not in the file", () => {
    expect(() => reshapeRpwCorridors(wide, "HND", ["MEX"], "cost", "wb")).toThrow(
      "corridor MEX→HND not found",
    );
  });
});

describe("illustrative data", () => {
  const rows = generateIllustrativeRows();
  it("adds subgroups up to their totals", () => {
    const total = rows.find(
      (r) =>
        r.indicator_id === "returnees-received" &&
        r.period === "2022-Q3" &&
        !r.sex &&
        !r.geography &&
        !r.department &&
        !r.age_group,
    );
    const bySex = rows.filter(
      (r) => r.indicator_id === "returnees-received" && r.period === "2022-Q3" && r.sex,
    );
    expect(bySex.reduce((sum, r) => sum + Number(r.value), 0)).toBe(Number(total?.value));
  });

  it("has deliberate gaps rather than zeros", () => {
    const gap = rows.find(
      (r) => r.indicator_id === "children-in-detention" && r.period === "2019-Q3",
    );
    expect(gap?.value).toBe("");
  });

  it("has Honduras-scale returns with seasonality (Q3 above Q1 on average)", () => {
    const total = (q: string) =>
      rows
        .filter(
          (r) =>
            r.indicator_id === "returnees-received" &&
            r.period.endsWith(q) &&
            !r.sex &&
            !r.geography &&
            !r.department &&
            !r.age_group,
        )
        .reduce((s, r) => s + Number(r.value), 0);
    const year2019 = rows
      .filter(
        (r) =>
          r.indicator_id === "returnees-received" &&
          r.period.startsWith("2019") &&
          !r.sex &&
          !r.geography &&
          !r.department &&
          !r.age_group,
      )
      .reduce((s, r) => s + Number(r.value), 0);
    expect(year2019).toBeGreaterThan(95_000);
    expect(year2019).toBeLessThan(125_000);
    expect(total("Q3")).toBeGreaterThan(total("Q1"));
  });
});
