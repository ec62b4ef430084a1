import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

async function gcm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "src/cli/gcm.ts", ...args], {
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("gcm command line", () => {
  it("prints the validated catalog as JSON", async () => {
    const { code, stdout } = await gcm("catalog", "--json");
    expect(code).toBe(0);
    const catalog = JSON.parse(stdout) as {
      indicators: { id: string }[];
      gcmObjectives: unknown[];
    };
    expect(catalog.gcmObjectives).toHaveLength(23);
    expect(catalog.indicators.map((i) => i.id)).toContain("remittance-cost-usd200");
  });

  it("reports every substantive paragraph of sections II–V covered, exit 0", async () => {
    const { code, stdout } = await gcm("catalog", "--coverage");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\d+ of 83 body paragraphs covered, \d+ excluded with a reason, 0 uncovered\./,
    );
    expect(stdout).toContain("V.missing-migrants");
  });

  it("accepts data/'s own files, real and demo", async () => {
    const demo = await gcm("validate", "data/demo/observations");
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("illustrative-quarterly.csv: 0 errores");
    const { code, stdout } = await gcm("validate", "data/observations");
    expect(code).toBe(0);
    // The real series has suspicious World Bank quarters: warnings, not errors. The year-on-year
    // check flags 0.994 in 2014-Q1 and the rebound after it; plausibility adds 0.994 and 0.401
    // (2013-Q2) far from their season's median (about 4 to 5.5), and the steps 0.401 → 5.33 and
    // 2.579 → 6.81 where the same step is otherwise flat.
    expect(stdout).toContain(
      "remittance-cost-usd200.csv: 0 errores, 6 advertencias, 70 filas válidas.",
    );
    expect(stdout).toContain("0.401 en 2013-Q2 se aleja mucho del mismo periodo de otros años");
  });

  it("rejects an unknown indicator and a non-numeric value, naming row and column, exit 1", async () => {
    const { code, stdout } = await gcm("validate", "tests/fixtures/unknown-indicator.csv");
    expect(code).toBe(1);
    expect(stdout).toContain("fila 3, columna «indicador» (valor «remesas-costo-inexistente»)");
    expect(stdout).toContain("fila 4, columna «valor» (valor «mil»)");
  });

  it("reports every finding in JSON with row, column, code and both messages", async () => {
    const { code, stdout } = await gcm(
      "validate",
      "tests/fixtures/unknown-indicator.csv",
      "--json",
      "--lang",
      "en",
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      files: {
        errors: number;
        findings: {
          severity: string;
          row: number;
          column: string;
          code: string;
          message: { es: string; en: string };
        }[];
        fixes: { kind: string }[];
      }[];
    };
    expect(report.ok).toBe(false);
    const errors = report.files[0]?.findings.filter((f) => f.severity === "error") ?? [];
    expect(errors.map((f) => [f.row, f.column, f.code])).toEqual([
      [3, "indicador", "unknown_indicator"],
      [4, "valor", "non_numeric_value"],
    ]);
    expect(errors[0]?.message.en).toContain("The indicator is not in the catalog.");
    expect(errors[0]?.message.es).toContain("El indicador no existe en el catálogo.");
    expect(report.files[0]?.fixes.map((f) => f.kind)).toContain("period_normalised");
  });

  it("exits 0 for a clean Spanish-Excel file, and maps columns by hand on request", async () => {
    expect((await gcm("validate", "tests/fixtures/excel-es-windows-1252.csv")).code).toBe(0);
    const ons = "tests/fixtures/real/ons-uk_opensdg_indicator_16-2-2.csv";
    const { stdout } = await gcm(
      "validate",
      ons,
      "--json",
      "--indicator",
      "trafficking-victims-identified",
      "--map",
      "Series=note",
    );
    const report = JSON.parse(stdout) as {
      files: { unmappedColumns: string[]; findings: { code: string }[] }[];
    };
    expect(report.files[0]?.findings.some((f) => f.code === "wrong_periodicity")).toBe(true);
    expect(report.files[0]?.unmappedColumns).toEqual(["Unit multiplier"]);
  });

  it("prints each indicator's status, inputs and formula, for the shipped data or for given files", async () => {
    const shipped = JSON.parse((await gcm("status", "--json", "--as-of", "2026-11-28")).stdout) as {
      statuses: {
        indicator: string;
        data: "real" | "demo" | "none";
        sources: string[];
        status: string;
        reason: string | null;
        formula: string;
        baseline: { from: string } | null;
        latest: unknown;
      }[];
    };
    const byId = new Map(shipped.statuses.map((s) => [s.indicator, s]));
    // Without the demo, no illustrative value reaches a status.
    expect(shipped.statuses.filter((s) => s.data === "demo")).toEqual([]);
    expect(shipped.statuses.flatMap((s) => s.sources)).not.toContain("ILLUSTRATIVE");
    expect(byId.get("children-in-detention")).toMatchObject({ data: "none", latest: null });
    expect(byId.get("remittance-cost-usd200")).toMatchObject({
      data: "real",
      status: "insufficient_data",
      reason: "stale",
    });
    // UNHCR refugees from Honduras, 14,424 (2017) → 94,449 (2025): (94449/14424)^(1/8) − 1 = 26.48 %
    expect(byId.get("refugees-from-honduras")).toMatchObject({
      data: "real",
      status: "trend_worsening",
    });
    expect(byId.get("refugees-from-honduras")?.formula).toContain("CAGR = (94449 / 14424)^(1/8)");
    // With the demo on, demo statuses appear and say so: children in detention, target 0, compared
    // linearly: (762.5 − 1449.75) / 7 = −98.18 a year against (0 − 1449.75) / 12 = −120.81.
    const withDemo = JSON.parse(
      (await gcm("status", "--json", "--demo", "--as-of", "2026-11-28")).stdout,
    ) as typeof shipped & { demo: boolean };
    expect(withDemo.demo).toBe(true);
    const detention = withDemo.statuses.find((s) => s.indicator === "children-in-detention");
    expect(detention).toMatchObject({ data: "demo", status: "acceleration_needed" });
    expect(detention?.sources).toEqual(["ILLUSTRATIVE"]);
    expect(detention?.formula).toContain("observed = (762.5 − 1449.75) / 7 = -98.179");
    expect(detention?.baseline?.from).toBe("2018-Q1");
    // Only the given file: two annual values of the real series' shape, judged as of 2021.
    const { code, stdout } = await gcm(
      "status",
      "--json",
      "--data",
      "tests/fixtures/status-remittances.csv",
      "--as-of",
      "2021-06-30",
      "--method",
      "unsd",
    );
    expect(code).toBe(0);
    const given = JSON.parse(stdout) as {
      method: string;
      statuses: { indicator: string; status: string; measure: { value: number } | null }[];
    };
    expect(given.method).toBe("unsd");
    const cost = given.statuses.find((s) => s.indicator === "remittance-cost-usd200");
    // 3.9 % in 2020 is under the corridor target of 5 % (SDG 10.c): met.
    expect(cost?.status).toBe("target_met");
  });

  it("prints the funding joined to progress for scripts", async () => {
    const { code, stdout } = await gcm(
      "funding",
      "--json",
      "--donor",
      "Cooperación Ilustrativa Sur",
      "--as-of",
      "2026-11-28",
      "--demo",
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      illustrative: boolean;
      commitments: {
        commitment_id: string;
        committed: number;
        disbursementRate: number;
        progress: { status: string };
      }[];
      totals: { currency: string; committed: number }[];
      gaps: { fundedWithoutData: string[] };
    };
    expect(report.illustrative).toBe(true);
    expect(report.totals).toEqual([{ currency: "EUR", committed: 4190000, disbursed: 2601500 }]);
    const atd = report.commitments.find(
      (c) => c.commitment_id === "children-alternatives-to-detention",
    );
    expect(atd).toMatchObject({ committed: 2500000, progress: { status: "on_track" } });
    expect(atd?.disbursementRate).toBeCloseTo(0.663, 3);
    expect(report.gaps.fundedWithoutData).toContain("disabled-specific-data");
  });

  it("refuses an unknown command with a usage line", async () => {
    const { code, stderr } = await gcm("frobnicate");
    expect(code).toBe(2);
    expect(stderr).toContain("npm run gcm -- validate");
  });
});
