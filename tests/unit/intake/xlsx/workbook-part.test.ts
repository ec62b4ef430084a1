import { describe, expect, it } from "vitest";
import { partPath } from "../../../../src/lib/intake/xlsx/workbook-part";

describe("a relationship's target as a path in the archive", () => {
  it("is relative to xl/, absolute from the root, and may climb", () => {
    expect(partPath("worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(partPath("/xl/worksheets/sheet2.xml")).toBe("xl/worksheets/sheet2.xml");
    expect(partPath("./worksheets/../worksheets/sheet3.xml")).toBe("xl/worksheets/sheet3.xml");
  });
});
