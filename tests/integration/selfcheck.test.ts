import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import {
  exportObservationsParquet,
  loadObservations,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { runSelfcheck, type SelfcheckDeps, summaryLine } from "../../src/lib/selfcheck/selfcheck";
import { loadBase } from "../../src/lib/submissions/submission-service";
import { projectCatalog } from "../helpers/catalog";
import { hostileFiles, nodeCorpusTools, toCsv } from "../helpers/hostile-files";

let deps: SelfcheckDeps;

beforeAll(async () => {
  const builder = await startNodeEngine();
  await loadObservations(builder, await collectObservations());
  const base = await exportObservationsParquet(builder, nodeParquet);
  await builder.close();
  deps = {
    catalog: projectCatalog(),
    parquet: nodeParquet,
    arrow: nodeCorpusTools.arrow,
    corpus: await hostileFiles(),
    startEngine: async () => {
      const engine = await startNodeEngine();
      await loadBase(engine, nodeParquet, base);
      return engine;
    },
  };
});

describe("gcm selfcheck", () => {
  it("tries every hostile input and injects every fault, and no data is lost", async () => {
    const report = await runSelfcheck(deps);
    expect(report.problems).toEqual([]);
    expect(report.inputsTried).toBe(deps.corpus.length);
    expect(report.inputsTried).toBeGreaterThan(0);
    expect(report.faultsInjected).toBe(5);
    expect(report.skipped).toEqual([]);
    expect(report.dataLost).toBe(0);
    expect(report.crashed).toBe(0);
    expect(report.inputs.every((i) => i.outcome === "refused" && i.unchanged)).toBe(true);
    expect(report.faults.map((f) => [f.name, f.allowed])).toEqual([
      ["quota-on-accept", true],
      ["engine-insert-fails", true],
      ["interrupted-then-reload", true],
      ["tampered-record", true],
      ["quota-on-undo", true],
    ]);
    expect(report.faults.find((f) => f.name === "tampered-record")?.observed).toContain(
      "named as damaged",
    );
    expect(summaryLine(report)).toBe(
      `inputs tried: ${deps.corpus.length}, faults injected: 5, data lost: 0`,
    );
  }, 240_000);

  it("fails when an input gets through and overwrites accepted data", async () => {
    // Not hostile at all: it restates the returnees already accepted, so those rows go.
    const overwrite = new TextEncoder().encode(
      toCsv([
        ["indicator_id", "period", "value", "sex"],
        ["returnees-received", "2031-Q1", 1, ""],
      ]),
    );
    const report = await runSelfcheck({
      ...deps,
      faults: false,
      corpus: [
        {
          name: "overwrite",
          description: "a valid file",
          fileName: "q.csv",
          bytes: overwrite,
          expectedCodes: [],
        },
      ],
    });
    expect(report.inputs[0]?.outcome).toBe("accepted");
    expect(report.dataLost).toBeGreaterThan(0);
    expect(report.problems).toEqual(
      expect.arrayContaining(["overwrite: accepted", "overwrite: accepted data changed"]),
    );
  }, 120_000);

  it("is a command of gcm, listed in its help", async () => {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "src/cli/gcm.ts", "--help"], {
      encoding: "utf8",
    });
    expect(stdout).toContain("npm run gcm -- selfcheck [--json]");
  });
});
