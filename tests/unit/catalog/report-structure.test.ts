import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isCommitmentSection,
  locateQuotes,
  overlaps,
  reportUnits,
} from "../../../src/lib/catalog/report-structure";

const report = readFileSync("indicators/report/gcm-honduras-national-consultation.txt", "utf8");
const units = reportUnits(report);
const body = units.filter((u) => u.kind === "body" && isCommitmentSection(u.section));

describe("reportUnits on the consultation report", () => {
  it("finds every section of II–V, the typo'd theme 2 heading included", () => {
    expect([...new Set(body.map((u) => u.section))]).toEqual([
      "II",
      "II.1",
      "II.2",
      "II.3",
      "II.4",
      "III.1",
      "III.2",
      "III.3",
      "III.4",
      "III.5",
      "III.6",
      "IV",
      "V",
      "V.disabled-migrants",
      "V.migrant-children",
      "V.women-lgbti-vulnerable",
      "V.missing-migrants",
    ]);
  });

  it("splits Honduras' priorities into their bullets (one bullet is broken across two lines)", () => {
    const priorities = body.filter((u) => u.section === "IV");
    expect(priorities).toHaveLength(11);
    expect(priorities[0]?.text.startsWith("- By way of the Global Compact")).toBe(true);
    expect(priorities[2]?.text.startsWith("- Plan for Northern Triangle Prosperity")).toBe(true);
  });

  it("treats short title lines as headings, never as body text", () => {
    const headings = units
      .filter((u) => u.kind === "heading" && isCommitmentSection(u.section))
      .map((u) => u.text);
    expect(headings).toContain("HEME :");
    expect(headings).toContain("» Missing Migrants");
    expect(headings).toContain(
      "Dignified Work, Labor Mobility, and Accreditation of Skills and Qualifications.",
    );
    expect(body.every((u) => u.text.length >= 150 || u.text.startsWith("- "))).toBe(true);
    expect(body).toHaveLength(83);
  });

  it("keeps the introduction and the acknowledgements out of the commitment sections", () => {
    expect(
      units.find((u) => u.text.startsWith("The Government of Honduras, by way of"))?.section,
    ).toBe("I");
    expect(units.find((u) => u.text.startsWith("Marcelo Pisani"))?.section).toBe("annex");
  });

  it("maps each unit back to its exact text in the report", () => {
    for (const u of units) expect(report.slice(u.start, u.end).trim()).toBe(u.text);
  });
});

describe("quote spans", () => {
  it("locates quotes and leaves out those not in the report", () => {
    const spans = locateQuotes(report, [
      { id: "a", quote: "The GCM recognizes the right to family reunification." },
      { id: "b", quote: "not in the report at all" },
    ]);
    expect(spans).toHaveLength(1);
    expect(report.slice(spans[0]?.start, spans[0]?.end)).toBe(
      "The GCM recognizes the right to family reunification.",
    );
  });

  it("tells overlapping spans from touching ones", () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 9, end: 12 })).toBe(true);
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 12 })).toBe(false);
  });
});
