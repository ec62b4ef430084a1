import { describe, expect, it } from "vitest";
import {
  completeness,
  type PendingCell,
  pendingByInstitution,
} from "../../../src/lib/officer-tools/completeness";
import {
  dueDate,
  expectedPeriods,
  lastEndedPeriod,
  periodEnd,
  periodsUpTo,
} from "../../../src/lib/officer-tools/reporting-periods";
import { periodsOfPeriodicity, templateRows } from "../../../src/lib/officer-tools/template";
import { projectCatalog } from "../../helpers/catalog";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// A Saturday late in 2026: Q3 has ended, Q4 has not; October is the last ended month.
const today = day("2026-11-28");

describe("expected periods follow each indicator's periodicity", () => {
  it("takes the last ended year, quarter or month", () => {
    expect(lastEndedPeriod("annual", today)).toBe("2025");
    expect(lastEndedPeriod("quarterly", today)).toBe("2026-Q3");
    expect(lastEndedPeriod("monthly", today)).toBe("2026-10");
    // Across the turn of the year.
    expect(lastEndedPeriod("annual", day("2026-01-15"))).toBe("2025");
    expect(lastEndedPeriod("quarterly", day("2026-01-15"))).toBe("2025-Q4");
    expect(lastEndedPeriod("monthly", day("2026-01-15"))).toBe("2025-12");
  });

  it("looks back five years, eight quarters or twelve months, oldest first", () => {
    expect(expectedPeriods("annual", today)).toEqual(["2021", "2022", "2023", "2024", "2025"]);
    expect(expectedPeriods("quarterly", today)).toEqual([
      "2024-Q4",
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
    ]);
    const months = expectedPeriods("monthly", today);
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(["2025-11", "2026-10"]);
    expect(periodsUpTo("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("ends a period on the first day after it", () => {
    expect(periodEnd("2025")).toEqual(day("2026-01-01"));
    expect(periodEnd("2026-Q3")).toEqual(day("2026-10-01"));
    expect(periodEnd("2026-12")).toEqual(day("2027-01-01"));
  });

  it("makes a year due 180 days after it ends, a quarter 45, a month 30", () => {
    // 2026-01-01 + 180 days: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 = 151 → 1 June, + 29 → 30 June.
    expect(dueDate("2025")).toEqual(day("2026-06-30"));
    // 2028 is a leap year: one day earlier in the calendar.
    expect(dueDate("2027")).toEqual(day("2028-06-29"));
    // 2026-10-01 + 45 days: Oct 31 → 1 Nov, + 14 → 15 Nov.
    expect(dueDate("2026-Q3")).toEqual(day("2026-11-15"));
    // 2026-11-01 + 30 days.
    expect(dueDate("2026-10")).toEqual(day("2026-12-01"));
  });

  it("calls an unreported year late only after its due date, whatever the quarter says", () => {
    expect(completeness(0, 0, "2025", day("2026-06-29"))).toBe("missing");
    expect(completeness(0, 0, "2025", day("2026-07-01"))).toBe("late");
    // Same day: 2026-Q3 is already late, 2026-10 is still pending.
    expect(completeness(0, 0, "2026-Q3", today)).toBe("late");
    expect(completeness(0, 0, "2026-10", today)).toBe("missing");
    expect(completeness(3, 1, "2021", today)).toBe("reported");
    expect(completeness(3, 0, "2021", today)).toBe("partial");
  });
});

describe("pending by institution", () => {
  const indicators = [
    { id: "returnees", institutions: ["INM", "DINAF"] },
    { id: "agreements", institutions: ["INM"] },
    { id: "remittances", institutions: ["BCH"] },
    { id: "complete", institutions: ["SRECI"] },
  ];
  const pending: PendingCell[] = [
    { indicatorId: "returnees", period: "2026-Q2", status: "late" },
    { indicatorId: "returnees", period: "2026-Q3", status: "missing" },
    { indicatorId: "agreements", period: "2024", status: "late" },
    { indicatorId: "agreements", period: "2025", status: "late" },
    { indicatorId: "remittances", period: "2026-Q3", status: "partial" },
  ];
  const result = pendingByInstitution(indicators, pending);

  it("puts the institution owing the most late periods first and leaves out those owing none", () => {
    // INM: 1 late (returnees) + 2 late (agreements) = 3; DINAF: 1; BCH: 0 late, 1 partial.
    expect(result.map((r) => [r.institution, r.late])).toEqual([
      ["INM", 3],
      ["DINAF", 1],
      ["BCH", 0],
    ]);
  });

  it("lists, for each institution, every indicator it reports with the periods still owed", () => {
    expect(result[0]?.indicators).toEqual([
      { indicatorId: "returnees", cells: pending.slice(0, 2) },
      { indicatorId: "agreements", cells: pending.slice(2, 4) },
    ]);
    expect(result[1]?.indicators.map((i) => i.indicatorId)).toEqual(["returnees"]);
  });

  it("orders institutions owing the same by name", () => {
    const tied = pendingByInstitution(
      [{ id: "x", institutions: ["SRECI", "DINAF"] }],
      [{ indicatorId: "x", period: "2025", status: "late" }],
    );
    expect(tied.map((r) => r.institution)).toEqual(["DINAF", "SRECI"]);
  });
});

describe("the upload template follows periodicity", () => {
  it("keeps only the periods written in a periodicity's own form", () => {
    expect(periodsOfPeriodicity(["2026-Q3", "2025", "2026-10", "2025-q3"], "annual")).toEqual([
      "2025",
    ]);
    expect(periodsOfPeriodicity(["2026-Q3", "2025", "2026-10", "2025-q3"], "quarterly")).toEqual([
      "2026-Q3",
    ]);
  });

  it("gives an annual indicator years and a quarterly one quarters in the same file", () => {
    const rows = templateRows(
      projectCatalog(),
      ["children-in-detention", "homicide-rate"],
      ["2026-Q3", "2025"],
    );
    const periodsOf = (id: string) => [
      ...new Set(rows.filter((r) => r[0] === id).map((r) => r[1])),
    ];
    expect(periodsOf("children-in-detention")).toEqual(["2026-Q3"]);
    expect(periodsOf("homicide-rate")).toEqual(["2025"]);
    // homicide-rate (annual) is broken down by sex only: the total, female, male.
    expect(rows.filter((r) => r[0] === "homicide-rate")).toHaveLength(3);
  });
});
