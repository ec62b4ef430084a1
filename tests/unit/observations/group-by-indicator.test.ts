import { describe, expect, it } from "vitest";
import type { Observation } from "../../../src/lib/observations/columns";
import { groupByIndicator } from "../../../src/lib/observations/observation-table";

const row = (indicator_id: string, period: string, row: number): Observation => ({
  indicator_id,
  period,
  time: 2020,
  value: row,
  dimensions: {},
  unit: null,
  obs_status: "normal",
  source: null,
  note: null,
  row,
});

describe("groupByIndicator", () => {
  it("puts each indicator's rows together, indicators in id order, file order within", () => {
    const rows = [
      row("b", "2020-Q1", 1),
      row("a", "2020-Q1", 2),
      row("b", "2020-Q2", 3),
      row("c", "2020-Q1", 4),
      row("a", "2020-Q2", 5),
    ];
    expect(groupByIndicator(rows).map((o) => o.row)).toEqual([2, 5, 1, 3, 4]);
  });

  it("keeps every row exactly once and leaves the input as it was", () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(`i${(i * 7) % 13}`, "2020-Q1", i));
    const before = rows.map((o) => o.row);
    const grouped = groupByIndicator(rows);
    expect(grouped).toHaveLength(rows.length);
    expect(new Set(grouped.map((o) => o.row)).size).toBe(rows.length);
    expect(rows.map((o) => o.row)).toEqual(before);
    const ids = grouped.map((o) => o.indicator_id);
    expect(ids).toEqual([...ids].sort());
  });
});
