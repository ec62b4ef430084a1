import { describe, expect, it } from "vitest";
import { descendantsRssMb } from "../../../scripts/bench/memory-sampler";

describe("the bench's Chromium memory", () => {
  it("adds up only the processes descended from the bench, not another browser on the machine", () => {
    // 10 → 20 (browser, 100 MB) → 21 (renderer, 300 MB) → 22 (GPU, 50 MB); 30 is someone else's
    // browser (1 GB), 10 itself is not counted.
    const ps = [
      "   10     1  99999",
      "   20    10 102400",
      "   21    20 307200",
      "   22    21  51200",
      "   30     1 1048576",
      "",
    ].join("\n");
    expect(descendantsRssMb(ps, 10)).toBe(450);
    expect(descendantsRssMb(ps, 30)).toBe(0);
  });
});
