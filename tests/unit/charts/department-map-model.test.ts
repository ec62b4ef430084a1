import { describe, expect, it } from "vitest";
import { departmentMapModel } from "../../../src/lib/chart/department-map-model";

const point = (code: string, value: number | null) => ({
  code,
  period: "2025-Q4",
  time: 2025.75,
  value,
});

describe("what a department map shows for a period", () => {
  it("lists every department, with no value where the period has none, and ranks the rest", () => {
    const model = departmentMapModel(
      ["HN-AT", "HN-CR", "HN-GD", "HN-IB"],
      new Map([
        ["HN-AT", point("HN-AT", 10)],
        ["HN-CR", point("HN-CR", 90)],
        ["HN-IB", point("HN-IB", 0)],
      ]),
    );
    expect(model.rows.map((r) => [r.code, r.value])).toEqual([
      ["HN-AT", 10],
      ["HN-CR", 90],
      ["HN-GD", null],
      ["HN-IB", 0],
    ]);
    expect(model.noData).toBe(1);
    expect(model.hasZero).toBe(true);
    expect(model.highest?.code).toBe("HN-CR");
    expect(model.lowest?.code).toBe("HN-IB");
    expect(model.breaks[0]).toBe(0);
    expect(model.breaks.at(-1)).toBe(90);
  });

  it("has no classes and no extremes for a period without values", () => {
    const model = departmentMapModel(["HN-AT"], undefined);
    expect([model.breaks, model.noData, model.highest]).toEqual([[], 1, null]);
  });
});
