import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commitment, populationGroup, theme } from "../../../src/lib/catalog/schema";
import { sectionHeadings, sectionTitle } from "../../../src/lib/catalog/section-title";
import { rawCatalog } from "../../helpers/catalog";

// Only the parts the headings come from, each checked by its own schema: the whole catalog's
// cross-checks are not this function's concern.
const raw = rawCatalog();
const catalog = {
  themes: z.array(theme).parse(raw.themes),
  populationGroups: z.array(populationGroup).parse(raw.populationGroups),
  commitments: raw.commitments.map((entry) => commitment.parse(entry.data)),
};

describe("sectionTitle", () => {
  it("names a consultation topic by the report's part, the population group and the topic", () => {
    expect(sectionTitle(catalog, "V.migrant-children / justice", "es")).toBe(
      "Consulta con la sociedad civil › Niñez y adolescencia migrante › Justicia",
    );
    expect(sectionTitle(catalog, "V.missing-migrants / data", "en")).toBe(
      "Civil society consultation › Missing migrants › Reliable data",
    );
  });

  it("numbers a theme of the thematic discussions and names a concept by its title", () => {
    expect(sectionTitle(catalog, "III.4", "es")).toBe(
      "Resultados de las discusiones temáticas › Tema 4: Diáspora y remesas",
    );
    expect(sectionTitle(catalog, "II.3", "en")).toBe(
      "Conceptualization of essential terms for the Global Compact › Safe migration",
    );
  });

  it("names a whole part, the priorities included", () => {
    expect(sectionTitle(catalog, "IV", "es")).toBe("Prioridades de Honduras");
    expect(sectionTitle(catalog, "V", "en")).toBe("Civil society consultation");
    expect(sectionTitle(catalog, "V.disabled-migrants", "es")).toBe(
      "Consulta con la sociedad civil › Personas migrantes con discapacidad",
    );
  });

  it("gives nothing, rather than the id, when any part is unknown", () => {
    expect(sectionTitle(catalog, "VII", "es")).toBeNull();
    expect(sectionTitle(catalog, "III.9", "es")).toBeNull();
    expect(sectionTitle(catalog, "V.nobody", "es")).toBeNull();
    expect(sectionTitle(catalog, "V.migrant-children / astrology", "es")).toBeNull();
  });

  it("names every commitment's section in both languages, with no id left in the words", () => {
    for (const commitment of catalog.commitments) {
      const headings = sectionHeadings(catalog, commitment.section);
      expect(headings, commitment.section).not.toBeNull();
      for (const language of ["es", "en"] as const) {
        const title = sectionTitle(catalog, commitment.section, language) ?? "";
        // Ids are kebab-case or dotted roman numerals: neither may reach a reader.
        expect(title, commitment.section).not.toMatch(/[a-z]+-[a-z]+-|\b[IV]+\.\w| \/ /);
      }
    }
  });
});
