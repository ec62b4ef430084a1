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

  it("accepts data/'s own files", async () => {
    const { code, stdout } = await gcm("validate", "data/observations");
    expect(code).toBe(0);
    expect(stdout).toContain("remittance-cost-usd200.csv: sin errores; 70 observaciones válidas.");
  });

  it("rejects an unknown indicator and a non-numeric value, naming row and column, exit 1", async () => {
    const { code, stdout } = await gcm("validate", "tests/fixtures/unknown-indicator.csv");
    expect(code).toBe(1);
    expect(stdout).toContain("fila 3, columna «indicador» (valor «remesas-costo-inexistente»)");
    expect(stdout).toContain("fila 4, columna «valor» (valor «mil»)");
  });

  it("reports in JSON and in English on request", async () => {
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
      files: { findings: { row: number; column: string; code: string; message: string }[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.files[0]?.findings.map((f) => [f.row, f.column, f.code])).toEqual([
      [3, "indicador", "unknown_indicator"],
      [4, "valor", "non_numeric_value"],
    ]);
    expect(report.files[0]?.findings[0]?.message).toContain("The indicator is not in the catalog.");
  });

  it("refuses an unknown command with a usage line", async () => {
    const { code, stderr } = await gcm("frobnicate");
    expect(code).toBe(2);
    expect(stderr).toContain("npm run gcm -- validate");
  });
});
