import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/lib/i18n/create-i18n";
import en from "../../../src/lib/i18n/locales/en.json";
import es from "../../../src/lib/i18n/locales/es.json";
import { findingCodes } from "../../../src/lib/intake/findings";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Each key once, a plural key by its base (`accept` for `accept_one`, `accept_other`, …). */
function pluralBases(messages: unknown): string[] {
  return [...new Set(keys(messages).map((k) => k.replace(pluralSuffix, "")))].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("translations", () => {
  it("has the same keys in Spanish and English (a plural key counted once, whatever its forms)", () => {
    expect(pluralBases(en)).toEqual(pluralBases(es));
  });

  it("gives every plural key each form its language's plural rules ask for", () => {
    // Spanish has a third form, `many`, for whole millions (1 000 000 filas): without it,
    // i18next shows the key itself, and the accept button of a million-row file lost its name.
    for (const [language, messages] of [
      ["es", es],
      ["en", en],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const all = new Set(keys(messages));
      const bases = [...all].flatMap((k) => (k.endsWith("_other") ? [k.slice(0, -6)] : []));
      expect(bases.length).toBeGreaterThan(20);
      const missing = bases.flatMap((base) =>
        categories.filter((c) => !all.has(`${base}_${c}`)).map((c) => `${base}_${c}`),
      );
      expect(missing, language).toEqual([]);
    }
  });

  it("has no empty string in either language", () => {
    const empty = [
      ...keys(es).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], es) === "",
      ),
      ...keys(en).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en) === "",
      ),
    ];
    expect(empty).toEqual([]);
  });

  it("explains every validation finding, with what to do, in both languages", () => {
    for (const code of findingCodes) {
      for (const messages of [es, en]) {
        const entry = (
          messages.validation.codes as Record<
            string,
            { message: string; action: string } | undefined
          >
        )[code];
        expect(entry?.message, code).toBeTruthy();
        expect(entry?.action, code).toBeTruthy();
      }
    }
  });

  it("defines every literal key the code asks for (a plural key by its _one and _other forms)", () => {
    const known = new Set(keys(es));
    const defined = (key: string) =>
      known.has(key) || (known.has(`${key}_one`) && known.has(`${key}_other`));
    const used = sourceFiles("src").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)].map((m) => ({
        file,
        key: m[1] ?? "",
      })),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((u) => !defined(u.key))).toEqual([]);
  });

  it("writes counts in the page's number format (es-HN and en-US both write 1,000,000)", () => {
    expect(createI18n("es").t("data.validRowCount", { count: 1_000_000 })).toBe(
      "1,000,000 filas válidas",
    );
    expect(createI18n("en").t("data.validRowCount", { count: 1_000_000 })).toBe(
      "1,000,000 valid rows",
    );
    expect(createI18n("es").t("data.validRowCount", { count: 5000 })).toBe("5,000 filas válidas");
    expect(createI18n("es").t("data.validRowCount", { count: 1 })).toBe("1 fila válida");
    const bare = [es, en].flatMap((messages) =>
      keys(messages).filter((k) =>
        String(
          k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages),
        ).includes("{{count}}"),
      ),
    );
    expect(bare).toEqual([]);
  });
});
