import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalogFromDir } from "../../../src/lib/catalog/load-catalog-node";
import { findMisquotes, parseCatalog } from "../../../src/lib/catalog/parse-catalog";
import { rawCatalog } from "../../helpers/catalog";

type Mutable = Record<string, unknown>;
const indicatorsOf = (raw: ReturnType<typeof rawCatalog>) =>
  raw.indicators.map((e) => e.data as Mutable);

describe("the project's catalog", () => {
  it("passes the schema, its links and the verbatim-quote check", async () => {
    const result = await loadCatalogFromDir("indicators");
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("holds the issue's first slice: at least 8 indicators over at least 3 themes", async () => {
    const result = await loadCatalogFromDir("indicators");
    if (!result.ok) throw new Error("catalog invalid");
    const { catalog } = result;
    const themes = new Set(
      catalog.indicators.flatMap((i) =>
        catalog.commitments.filter((c) => i.commitments.includes(c.id)).flatMap((c) => c.themes),
      ),
    );
    expect(catalog.indicators.length).toBeGreaterThanOrEqual(8);
    expect(themes.size).toBeGreaterThanOrEqual(3);
    // Target 10.c: no corridor above 5 % (the headline is one corridor); below 3 % on average.
    const cost = catalog.indicators.find((i) => i.sdg?.indicator === "10.c.1");
    expect(cost?.headline).toEqual({ geography: "USA" });
    expect(cost?.target).toMatchObject({ value: 5, comparison: "at_most", year: 2030 });
    expect(cost?.thresholds.map((t) => t.value)).toEqual([3]);
  });
});

describe("parseCatalog", () => {
  it("names the file and field of a misspelt field, and of a file not named for its id", () => {
    const raw = rawCatalog();
    const [entry] = raw.indicators;
    if (!entry) throw new Error("no indicator");
    const data = entry.data as Mutable;
    data.tagret = data.target;
    const renamed = raw.commitments[0];
    if (!renamed) throw new Error("no commitment");
    renamed.file = "commitments/renamed.json";
    const result = parseCatalog(raw);
    if (result.ok) throw new Error("expected problems");
    expect(result.problems).toContainEqual({
      file: entry.file,
      path: "",
      message: 'Unrecognized key: "tagret"',
    });
    const fixed = rawCatalog();
    const moved = fixed.commitments[0];
    if (!moved) throw new Error("no commitment");
    const id = String((moved.data as Mutable).id);
    moved.file = "commitments/renamed.json";
    const misnamed = parseCatalog(fixed);
    expect(misnamed.ok ? [] : misnamed.problems).toEqual([
      {
        file: "commitments/renamed.json",
        path: "id",
        message: `the file of "${id}" is named commitments/${id}.json`,
      },
    ]);
  });

  it("names the file and path of a percentage without 0–100 limits", () => {
    const raw = rawCatalog();
    const percent = indicatorsOf(raw).find((i) => i.unit === "percent") as Mutable;
    percent.limits = { min: 0, max: 150, integer: false };
    const result = parseCatalog(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({
        file: `indicators/${String(percent.id)}.json`,
        path: "",
        message: "a percentage is limited to 0–100",
      });
    }
  });

  it("refuses an indicator without a target that does not say why", () => {
    const raw = rawCatalog();
    const untargeted = indicatorsOf(raw).find((i) => i.target === null) as Mutable;
    delete untargeted.targetNote;
    const result = parseCatalog(raw);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toContain(
      "an indicator without a target says why (targetNote)",
    );
  });

  it("reports broken links: unknown commitment, unknown code, duplicate id, unmeasured commitment", () => {
    const raw = rawCatalog();
    const all = indicatorsOf(raw);
    const cost = all.find((i) => i.id === "remittance-cost-usd200") as Mutable;
    cost.commitments = ["remittance-cost-regulation-renamed"];
    for (const other of all)
      other.commitments = (other.commitments as string[]).filter(
        (c) => c !== "remittance-cost-regulation",
      );
    const [first, second] = all as [Mutable, Mutable];
    first.commitments = ["no-such-commitment"];
    first.disaggregations = { geography: ["USA", "MARS"] };
    second.id = first.id;
    const result = parseCatalog(raw);
    if (result.ok) throw new Error("expected problems");
    const messages = result.problems.map((p) => p.message);
    expect(messages).toContain('unknown commitment "no-such-commitment"');
    expect(messages).toContain('code "MARS" is not in dimension geography');
    expect(messages).toContain(`duplicate id "${String(first.id)}"`);
    expect(messages).toContain(
      'commitment "remittance-cost-regulation" has no indicator measuring it',
    );
  });

  it("finds a quote that is not verbatim in the report", () => {
    const raw = rawCatalog();
    const result = parseCatalog(raw);
    if (!result.ok) throw new Error("catalog invalid");
    const report = readFileSync("indicators/report/gcm-honduras-national-consultation.txt", "utf8");
    expect(findMisquotes(result.catalog, report)).toEqual([]);
    const [commitment] = result.catalog.commitments;
    if (!commitment) throw new Error("no commitment");
    commitment.quote = `${commitment.quote} (paraphrased)`;
    expect(findMisquotes(result.catalog, report)).toEqual([
      {
        file: `commitments/${commitment.id}.json`,
        path: "quote",
        message: `quote of "${commitment.id}" is not verbatim in the report`,
      },
    ]);
  });
});
