import { describe, expect, it } from "vitest";
import { findIndicator } from "../../../src/lib/catalog/bundled-catalog";
import {
  buildEverReportedSql,
  completeness,
  hasSource,
} from "../../../src/lib/officer-tools/completeness";

const provider = (es: string, en: string) => ({ provider: { es, en } });
// 2026-Q3 ended 30 September; its 45-day delay passed on 14 November.
const afterDelay = new Date("2026-11-28T00:00:00Z");

describe("completeness: no source yet is not late", () => {
  it("calls a period without data and without a source «no source yet», after the delay too", () => {
    expect(completeness(0, 0, "2026-Q3", afterDelay, false)).toBe("no_source");
    expect(completeness(0, 0, "2026-Q3", afterDelay, true)).toBe("late");
    // What was reported still counts, source or not.
    expect(completeness(3, 1, "2026-Q3", afterDelay, false)).toBe("reported");
    expect(completeness(3, 0, "2026-Q3", afterDelay, false)).toBe("partial");
  });

  it("has no source for an indicator nobody has ever reported", () => {
    const register = provider("Registro de casos de DINAF", "DINAF case register");
    expect(hasSource(register, false)).toBe(false);
    expect(hasSource(register, true)).toBe(true);
  });

  it("has no source when the provider is a question or module still to be added", () => {
    for (const id of [
      "discrimination-experienced-by-migration-status",
      "migration-benefits-perception",
      "returnees-reporting-individual-assessment",
    ]) {
      const indicator = findIndicator(id);
      if (!indicator) throw new Error(`${id} is not in the catalog`);
      expect(hasSource(indicator, true), id).toBe(false);
    }
    // Registers and surveys that exist keep their source, even when their text says «añadir».
    for (const id of ["children-in-alternatives", "remittance-cost-usd200"]) {
      const indicator = findIndicator(id);
      if (!indicator) throw new Error(`${id} is not in the catalog`);
      expect(hasSource(indicator, true), id).toBe(true);
    }
    expect(hasSource(provider("Encuesta anual; se puede añadir un módulo", "x"), true)).toBe(true);
  });

  it("asks the engine which indicators have any observation, one parameter each", () => {
    const { sql, params } = buildEverReportedSql(["a", "b"]);
    expect(sql).toContain("indicator_id IN (?, ?)");
    expect(sql).not.toContain("period");
    expect(params).toEqual(["a", "b"]);
  });
});
