import { describe, expect, it } from "vitest";
import { fold, searchCatalog } from "../../../src/lib/catalog/search-catalog";
import { projectCatalog } from "../../helpers/catalog";

const catalog = projectCatalog();

describe("searchCatalog", () => {
  it("finds Spanish text without accents and English text alike", () => {
    const spanish = searchCatalog(catalog, "detencion ninez").map((h) => h.id);
    const english = searchCatalog(catalog, "children detention").map((h) => h.id);
    expect(spanish).toContain("children-in-detention");
    expect(english).toContain("children-in-detention");
  });

  it("searches the report quotes of commitments", () => {
    const hits = searchCatalog(catalog, "unaccompanied minors");
    expect(
      hits.some((h) => h.kind === "commitment" && h.id === "children-alternatives-to-detention"),
    ).toBe(true);
  });

  it("finds indicators by SDG code and institution", () => {
    expect(searchCatalog(catalog, "10.c.1").map((h) => h.id)).toContain("remittance-cost-usd200");
    expect(searchCatalog(catalog, "CICESCT").map((h) => h.id)).toContain(
      "trafficking-victims-identified",
    );
  });

  it("ranks title matches first and needs every word", () => {
    const hits = searchCatalog(catalog, "remesas");
    expect(hits[0]?.title.es.toLowerCase()).toContain("remesas");
    expect(searchCatalog(catalog, "remesas xylophone")).toEqual([]);
  });

  it("returns nothing for an empty or one-letter query", () => {
    expect(searchCatalog(catalog, "  ")).toEqual([]);
    expect(searchCatalog(catalog, "a")).toEqual([]);
  });

  it("folds case and accents", () => {
    expect(fold("Niñez DETENCIÓN")).toBe("ninez detencion");
  });
});
