import { describe, expect, it } from "vitest";
import { demoRequested, withDemo } from "../../../src/lib/published/demo-mode";

describe("demo mode in the URL", () => {
  it("is on only with demo=1", () => {
    expect(demoRequested("?demo=1")).toBe(true);
    expect(demoRequested("?theme=theme-3&demo=1")).toBe(true);
    expect(demoRequested("")).toBe(false);
    expect(demoRequested("?demo=0")).toBe(false);
    expect(demoRequested("?demo")).toBe(false);
  });

  it("sets and removes the parameter, keeping the others", () => {
    expect(withDemo("?theme=theme-3", true)).toBe("?theme=theme-3&demo=1");
    expect(withDemo("?theme=theme-3&demo=1", false)).toBe("?theme=theme-3");
    expect(withDemo("?demo=1", false)).toBe("");
    expect(withDemo("", true)).toBe("?demo=1");
  });
});
