import { describe, expect, it } from "vitest";
import { mayExceedMemory, memoryPerFileByte } from "../../../src/lib/intake/limits";

describe("the warning before a file too big for the page's memory", () => {
  const gib = 1024 ** 3;
  it("warns when the file's expected peak exceeds the heap limit", () => {
    expect(mayExceedMemory(Math.ceil(gib / memoryPerFileByte) + 1, gib)).toBe(true);
    expect(mayExceedMemory(150 * 1024 ** 2, gib)).toBe(true);
  });
  it("stays quiet below the limit and when the browser does not say its limit", () => {
    expect(mayExceedMemory(Math.floor(gib / memoryPerFileByte) - 1, gib)).toBe(false);
    expect(mayExceedMemory(150 * 1024 ** 2, 4 * gib)).toBe(false);
    expect(mayExceedMemory(150 * 1024 ** 2, null)).toBe(false);
    expect(mayExceedMemory(150 * 1024 ** 2, undefined)).toBe(false);
  });
});
