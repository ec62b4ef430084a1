import { describe, expect, it } from "vitest";
import type { DataSource } from "../../../src/lib/observations/data-sources";
import { pointProvenance, seriesProvenance } from "../../../src/lib/observations/provenance";

const unhcr = {
  id: "unhcr",
  publisher: { es: "ACNUR", en: "UNHCR" },
  title: { es: "t", en: "t" },
  licence: { name: "CC BY 4.0" },
  edition: "2025.12.1",
  raw: [],
} as unknown as DataSource;

describe("provenance of a figure", () => {
  it("labels demo rows illustrative whatever else they say", () => {
    expect(
      pointProvenance({ period: "2024", obs_status: "illustrative", source: "unhcr" }, [unhcr], {
        fileName: "x.csv",
        acceptedAt: "2026-01-01",
      }),
    ).toEqual({ kind: "illustrative" });
  });

  it("names the accepted file when an officer's submission supplies the period", () => {
    const file = { fileName: "q3.csv", acceptedAt: "2026-10-02T10:00:00Z" };
    expect(pointProvenance({ period: "2024-Q3", source: "unhcr" }, [unhcr], file)).toEqual({
      kind: "accepted",
      file,
    });
  });

  it("resolves a registered source id to its publisher, and keeps any other text as stated", () => {
    expect(pointProvenance({ period: "2024", source: "unhcr" }, [unhcr], undefined)).toEqual({
      kind: "dataset",
      source: unhcr,
    });
    expect(pointProvenance({ period: "2024", source: "INM, boletín" }, [unhcr], undefined)).toEqual(
      { kind: "stated", text: "INM, boletín" },
    );
  });

  it("lists each distinct origin of a series once, the newest point's first", () => {
    const file = { fileName: "q3.csv", acceptedAt: "2026-10-02" };
    const list = seriesProvenance(
      [
        { period: "2023", source: "unhcr" },
        { period: "2024", source: "unhcr" },
        { period: "2025", source: "" },
      ],
      [unhcr],
      (period) => (period === "2025" ? file : undefined),
    );
    expect(list.map((p) => p.kind)).toEqual(["accepted", "dataset"]);
  });
});
