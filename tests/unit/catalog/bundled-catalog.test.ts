import { describe, expect, it } from "vitest";
import { loadBundledCatalog } from "../../../src/lib/catalog/load-catalog-browser";
import { projectCatalog } from "../../helpers/catalog";

describe("the catalog bundled into the app", () => {
  it("is the catalog on disk, entry for entry and in the same order", () => {
    const bundled = loadBundledCatalog();
    const onDisk = projectCatalog();
    expect(bundled.indicators.map((i) => i.id)).toEqual(onDisk.indicators.map((i) => i.id));
    expect(bundled.commitments.map((c) => c.id)).toEqual(onDisk.commitments.map((c) => c.id));
    expect(bundled).toEqual(onDisk);
  });
});
