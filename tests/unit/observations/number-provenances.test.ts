import { describe, expect, it } from "vitest";
import type { DataSource } from "../../../src/lib/observations/data-sources";
import {
  numberProvenances,
  pendingByInstitution,
} from "../../../src/lib/observations/number-provenances";
import type { Provenance } from "../../../src/lib/observations/provenance";

const dataset = (id: string): Provenance => ({ kind: "dataset", source: { id } as DataSource });

describe("numbered source references for a printed page", () => {
  it("numbers each distinct source once, in order of first use", () => {
    const { refs, list } = numberProvenances([
      [dataset("unhcr")],
      [dataset("wb"), { kind: "illustrative" }],
      [dataset("unhcr"), { kind: "illustrative" }],
      [],
    ]);
    expect(refs).toEqual([[1], [2, 3], [1, 3], []]);
    expect(list.map((p) => (p.kind === "dataset" ? p.source.id : p.kind))).toEqual([
      "unhcr",
      "wb",
      "illustrative",
    ]);
  });
});

describe("who should report what is missing", () => {
  it("counts indicators per institution, most first, then by name", () => {
    expect(
      pendingByInstitution([
        { institutions: ["INM", "SRECI"] },
        { institutions: ["INM"] },
        { institutions: ["DINAF"] },
        { institutions: ["BCH"] },
      ]),
    ).toEqual([
      { institution: "INM", count: 2 },
      { institution: "BCH", count: 1 },
      { institution: "DINAF", count: 1 },
      { institution: "SRECI", count: 1 },
    ]);
  });
});
