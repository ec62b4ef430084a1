import { describe, expect, it } from "vitest";
import { proposalDataset, releaseChangesSql } from "../../../src/lib/releases/proposal-sql";
import { observationsDataset } from "../../../src/lib/tables/table-descriptors";

describe("the release a bundle would make", () => {
  it("lays the bundle over the published base, in tables of its own", () => {
    const d = proposalDataset(observationsDataset);
    expect([d.base, d.submitted, d.effective]).toEqual([
      "base_observations",
      "proposal_submitted_observations",
      "proposal_observations",
    ]);
    expect(d.scope).toEqual(observationsDataset.scope);
  });

  it("compares on the whole key, totals included, and leaves demo rows out of both sides", () => {
    const sql = releaseChangesSql("base_observations", "proposal_observations");
    expect(sql).toContain("FULL OUTER JOIN");
    expect(sql).toContain("b.sex IS NOT DISTINCT FROM p.sex");
    expect(sql).toContain("b.topic IS NOT DISTINCT FROM p.topic");
    expect(sql).toContain("b.obs_status IS DISTINCT FROM 'illustrative'");
    expect(sql).toContain("p.obs_status IS DISTINCT FROM 'illustrative'");
    expect(sql).toContain("b.value IS DISTINCT FROM p.value");
  });
});
