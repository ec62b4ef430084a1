import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readUrlState, writeUrlState } from "../../../src/lib/url-state/url-state";

const spec = {
  q: z.string().catch(""),
  sort: z.enum(["commitment", "rate"]).catch("commitment"),
  group: z.string().nullable().catch(null),
};

describe("URL state", () => {
  it("reads defaults when parameters are absent and falls back on values it does not know", () => {
    expect(readUrlState(spec, new URLSearchParams(""))).toEqual({
      q: "",
      sort: "commitment",
      group: null,
    });
    expect(readUrlState(spec, new URLSearchParams("sort=bogus&group=migrant-children"))).toEqual({
      q: "",
      sort: "commitment",
      group: "migrant-children",
    });
  });

  it("writes only what differs from the default and keeps other parameters in place", () => {
    const start = new URLSearchParams("demo=1&sort=rate&q=remesas");
    const next = writeUrlState(spec, start, { sort: "commitment", group: "missing-migrants" });
    expect(next.toString()).toBe("demo=1&q=remesas&group=missing-migrants");
    expect(writeUrlState(spec, next, { q: "", group: null }).toString()).toBe("demo=1");
    expect(start.toString()).toBe("demo=1&sort=rate&q=remesas");
  });

  it("reads back what it wrote", () => {
    const written = writeUrlState(spec, new URLSearchParams(), { q: "niñez", sort: "rate" });
    expect(readUrlState(spec, written)).toEqual({ q: "niñez", sort: "rate", group: null });
  });
});
