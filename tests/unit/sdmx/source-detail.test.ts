import { describe, expect, it } from "vitest";
import { bundledSources } from "../../../src/lib/observations/bundled-sources";
import { sourceDetail, sourceFromDetail } from "../../../src/lib/sdmx/source-detail";

describe("SOURCE_DETAIL", () => {
  it("names a registered dataset in full and reads back to its id", () => {
    const text = sourceDetail("wb-rpw-corridors-2020q3", bundledSources);
    expect(text).toContain("World Bank: Remittance Prices Worldwide (Corridors)");
    expect(text).toContain("Licence: CC BY 4.0.");
    expect(sourceFromDetail(text, bundledSources)).toBe("wb-rpw-corridors-2020q3");
  });

  it("keeps other text as it is, a formula-like start neutralised and restored", () => {
    expect(sourceDetail("Registro de la DINAF", bundledSources)).toBe("Registro de la DINAF");
    expect(sourceDetail("=HYPERLINK(1)", bundledSources)).toBe("'=HYPERLINK(1)");
    expect(sourceFromDetail("'=HYPERLINK(1)", bundledSources)).toBe("=HYPERLINK(1)");
    expect(sourceFromDetail("A report [not-registered]", bundledSources)).toBe(
      "A report [not-registered]",
    );
    expect(sourceDetail(null, bundledSources)).toBe("");
  });
});
