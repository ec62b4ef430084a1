import { describe, expect, it } from "vitest";
import { fundingChartOption } from "../../../src/features/donors/components/funding-chart-option";
import { fundingGaps, joinFundingToProgress } from "../../../src/lib/funding/funding-progress";
import { totalsByCurrency } from "../../../src/lib/funding/funding-totals";
import { inspectFile } from "../../../src/lib/intake/inspect-file";
import type { IndicatorStatus } from "../../../src/lib/progress/indicator-status";
import type { Status } from "../../../src/lib/progress/progress-input";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();
const csv = (body: string) =>
  new TextEncoder().encode(
    `compromiso;donante;programa;moneda;comprometido;desembolsado;periodo\n${body}`,
  );

describe("funding files go through the same intake", () => {
  it("recognises a funding file by its Spanish headers and accepts good rows", async () => {
    const r = await inspectFile(
      catalog,
      "f.csv",
      csv("support-for-returnee-reinsertion;Donante X;Programa;USD;1.000.000;250.000,5;2025\n"),
    );
    expect(r.kind).toBe("funding");
    expect(r.errors).toBe(0);
    expect(r.funding[0]).toMatchObject({
      commitment_id: "support-for-returnee-reinsertion",
      donor: "Donante X",
      currency: "USD",
      amount_committed: 1000000,
      amount_disbursed: 250000.5,
      period: "2025",
    });
  });

  it("names each problem by row and column: unknown commitment, unknown currency, negative and non-numeric amounts, disbursed above committed, duplicates", async () => {
    const r = await inspectFile(
      catalog,
      "f.csv",
      csv(
        [
          "no-such-commitment;D;P;USD;10;5;2025",
          "support-for-returnee-reinsertion;D;P;XYZ;10;5;2025",
          "support-for-returnee-reinsertion;D;P2;USD;-10;0;2025",
          "support-for-returnee-reinsertion;D;P3;USD;diez;0;2025",
          "support-for-returnee-reinsertion;D;P4;USD;10;15;2025",
          "support-for-returnee-reinsertion;D;P4;USD;10;5;2025",
        ].join("\n"),
      ),
    );
    expect(
      r.findings
        .filter((f) => f.severity !== "info")
        .map((f) => [f.severity, f.code, f.row, f.column]),
    ).toEqual([
      ["error", "unknown_commitment", 2, "compromiso"],
      ["error", "unknown_currency", 3, "moneda"],
      ["error", "negative_amount", 4, "comprometido"],
      ["error", "non_numeric_value", 5, "comprometido"],
      ["warning", "disbursed_above_committed", 6, "desembolsado"],
      ["error", "duplicate_key", 7, undefined],
    ]);
  });
});

const statusOf = (
  id: string,
  status: Status,
  score: number | null,
  period: string | null,
): [string, IndicatorStatus] => [
  id,
  {
    indicatorId: id,
    result: {
      method: "statcan",
      status,
      score,
      baseline: null,
      current: null,
      measure: null,
      formula: "",
    },
    all: {} as IndicatorStatus["all"],
    disagree: false,
    hasData: period !== null,
    latest: period
      ? { period, time: Number(period.slice(0, 4)) + (Number(period.slice(6)) - 1) / 4, value: 1 }
      : null,
  },
];

describe("funding joined to progress", () => {
  const line = (commitment_id: string, currency: string, committed: number, disbursed: number) => ({
    commitment_id,
    donor: "D",
    currency,
    committed,
    disbursed,
    first_period: "2024",
    last_period: "2025",
    programmes: "",
    iati: "",
    illustrative: false,
  });
  const statuses = new Map([
    statusOf("children-in-detention", "on_track", 5, "2025-Q4"),
    statusOf("children-in-alternatives", "limited", -1, "2025-Q3"),
    statusOf("children-atd-share", "insufficient_data", null, null),
  ]);

  it("gives each funded commitment its disbursement rate, the mean progress of its indicators and their latest data", () => {
    const [funded] = joinFundingToProgress(
      catalog,
      [line("children-alternatives-to-detention", "EUR", 1000, 250)],
      statuses,
    );
    expect(funded?.disbursementRate).toBe(0.25);
    // (5 + (−1)) / 2 = 2 → acceleration needed; 2 of the 3 known indicators have data
    expect(funded?.progress).toMatchObject({
      status: "acceleration_needed",
      score: 2,
      withData: 2,
    });
    expect(funded?.latestData).toBe("2025-Q4");
  });

  it("never adds amounts across currencies", () => {
    expect(
      totalsByCurrency([line("a", "USD", 10, 5), line("b", "EUR", 7, 1), line("c", "USD", 1, 1)]),
    ).toEqual([
      { currency: "EUR", committed: 7, disbursed: 1 },
      { currency: "USD", committed: 11, disbursed: 6 },
    ]);
  });

  it("lists funded commitments without data and poorly progressing ones without funding", () => {
    const lines = [line("disabled-specific-data", "EUR", 100, 10)];
    const funded = joinFundingToProgress(catalog, lines, statuses);
    const poor = new Map([
      ...statuses,
      statusOf("returned-children-accompanied", "moving_away", -5, "2025-Q4"),
    ]);
    const gaps = fundingGaps(catalog, funded, lines, poor);
    expect(gaps.fundedWithoutData).toEqual(["disabled-specific-data"]);
    expect(gaps.poorWithoutFunding).toContain("children-return-accompaniment");
  });

  it("charts disbursement against progress score", () => {
    const option = fundingChartOption([{ name: "x", disbursed: 66.3, score: 2.456 }], {
      x: "x",
      y: "y",
    }) as {
      series: { data: unknown[] }[];
    };
    // Disbursement rounded to whole percent, score to two decimals, the name kept for the tooltip.
    expect(option.series[0]?.data).toMatchObject([{ name: "x", value: [66, 2.46] }]);
  });
});
