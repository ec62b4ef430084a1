import { afterEach, describe, expect, it, vi } from "vitest";
import { runRules } from "../../src/cli/run-rules";
import { projectCatalog } from "../helpers/catalog";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("gcm rules", () => {
  it("lists every rule of the catalog with its expression and its status over the real data", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const code = await runRules({ json: false, language: "es" });
    const rules = projectCatalog().rules;
    expect(rules.length).toBeGreaterThanOrEqual(6);
    for (const rule of rules) {
      expect(lines).toContain(`  ${rule.expression}`);
      expect(lines.some((l) => l.startsWith(`${rule.id}: ${rule.title.es} — `))).toBe(true);
    }
    // The real series hold none of the returnee or missing-person indicators the rules compare.
    expect(lines.filter((l) => l.includes("sin datos de todos sus indicadores"))).toHaveLength(
      rules.length,
    );
    expect(code).toBe(0);
  }, 120_000);
});
