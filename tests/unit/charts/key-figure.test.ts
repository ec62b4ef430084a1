import { describe, expect, it } from "vitest";
import { keyFigure } from "../../../src/features/overview/components/key-figure";

const q = (period: string, value: number | null) => ({ period, time: 0, value });

describe("key figures", () => {
  it("sums the last four consecutive quarters into a 12-month total", () => {
    const figure = keyFigure(
      [q("2024-Q3", 5), q("2024-Q4", 10), q("2025-Q1", 20), q("2025-Q2", 30), q("2025-Q3", 40)],
      "quarterly",
      true,
    );
    // 10 + 20 + 30 + 40 = 100
    expect(figure).toMatchObject({ kind: "sum12", value: 100, from: "2024-Q4", to: "2025-Q3" });
  });

  it("never sums across a gap: a missing quarter gives the latest quarter, labelled as one quarter", () => {
    const figure = keyFigure(
      [q("2024-Q3", 5), q("2024-Q4", null), q("2025-Q1", 20), q("2025-Q2", 30), q("2025-Q3", 40)],
      "quarterly",
      true,
    );
    expect(figure).toMatchObject({
      kind: "period",
      value: 40,
      period: "2025-Q3",
      periodicity: "quarterly",
    });
  });

  it("gives rates and annual series as their latest period", () => {
    expect(keyFigure([q("2023", 1), q("2024", 2)], "annual", true)).toMatchObject({
      kind: "period",
      value: 2,
      period: "2024",
      periodicity: "annual",
    });
    expect(keyFigure([q("2025-Q2", 3.1)], "quarterly", false)).toMatchObject({
      kind: "period",
      value: 3.1,
    });
    expect(keyFigure([q("2025-Q2", null)], "quarterly", true)).toBeNull();
  });
});
