import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { exportFundingParquet, loadFunding } from "../../src/lib/funding/funding-table";
import { sha256Hex } from "../../src/lib/hash/sha256";
import { readCsv } from "../../src/lib/intake/read-csv";
import { validateObservations } from "../../src/lib/intake/validate-observations";
import { bundledSources } from "../../src/lib/observations/bundled-sources";
import {
  exportObservationsParquet,
  loadObservations,
} from "../../src/lib/observations/observation-table";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { assembleRelease } from "../../src/lib/releases/assemble-release";
import { createBundle, readBundle } from "../../src/lib/releases/bundle";
import {
  releaseChanges,
  releaseIndex,
  releaseManifest,
} from "../../src/lib/releases/release-formats";
import { createMemoryStore } from "../../src/lib/submissions/memory-store";
import { loadBase } from "../../src/lib/submissions/submission-service";
import { fundingDataset } from "../../src/lib/tables/table-descriptors";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
let engine: Engine;
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const person = (name: string) => ({ name, role: "INM", at: "2026-11-30T10:00:00.000Z" });

/** An officer's accepted file, as the intake would store it. */
async function submissionParquet(csv: string): Promise<Uint8Array> {
  const { observations, findings } = validateObservations(catalog, readCsv(csv), "q.csv");
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  const builder = await startNodeEngine();
  try {
    await loadObservations(builder, observations);
    return await exportObservationsParquet(builder, nodeParquet);
  } finally {
    await builder.close();
  }
}

async function bundleOf(csv: string, id: string) {
  const store = createMemoryStore();
  await store.add(
    {
      id,
      kind: "observations",
      fileName: `${id}.csv`,
      checksum: id,
      acceptedAt: "2026-11-29T10:00:00.000Z",
      rows: 1,
      indicators: [],
      periods: [],
      status: "active",
    },
    await submissionParquet(csv),
  );
  return readBundle(
    await createBundle(store, {
      id: `bundle-${id}`,
      preparedBy: person("Ana"),
      basedOn: null,
      catalogVersion: "x",
    }),
  );
}

beforeAll(async () => {
  engine = await startNodeEngine();
  const builder = await startNodeEngine();
  await loadObservations(builder, await collectObservations(["real"]));
  const published = await exportObservationsParquet(builder, nodeParquet);
  await loadFunding(builder, []);
  const funding = await exportFundingParquet(builder, nodeParquet);
  await builder.close();
  await loadBase(engine, nodeParquet, published);
  await loadBase(engine, nodeParquet, funding, fundingDataset);
});
afterAll(async () => engine.close());

describe("a release assembled from an approved bundle", () => {
  const header = "indicator_id,period,value,geography\n";
  let first: Awaited<ReturnType<typeof assembleRelease>>;

  it("holds the published data with the bundle laid over it, and says what changed", async () => {
    // The World Bank's 3.882 for USA→HND in 2020-Q3 revised to 3.5; a 2020-Q4 value added.
    const bundle = await bundleOf(
      `${header}remittance-cost-usd200,2020-Q3,3.5,USA\nremittance-cost-usd200,2020-Q4,3.4,USA\n`,
      "rev",
    );
    first = await assembleRelease(engine, nodeParquet, {
      bundle,
      approvedBy: person("Luis"),
      index: null,
      catalog,
      sources: bundledSources,
      now: new Date("2026-11-30T12:00:00Z"),
    });
    expect(first.manifest.version).toBe("2026-11-30-1");
    expect(first.manifest.previous).toBeNull();
    expect(first.manifest.preparedBy.name).toBe("Ana");
    expect(first.manifest.approvedBy.name).toBe("Luis");
    expect(first.manifest.bundleSha256).toBe(bundle.manifestSha256);
    const cost = first.changes.find((c) => c.indicatorId === "remittance-cost-usd200");
    // The bundle restates 2020-Q3 whole: the ESP corridor's 2020-Q3 row is not in it, so it goes.
    expect(cost?.revised).toEqual([
      { period: "2020-Q3", breakdown: { geography: "USA" }, old: 3.882, new: 3.5 },
    ]);
    expect(cost?.added).toEqual([
      { period: "2020-Q4", breakdown: { geography: "USA" }, value: 3.4 },
    ]);
    expect(cost?.removed.map((r) => [r.period, r.breakdown.geography])).toEqual([
      ["2020-Q3", "ESP"],
    ]);
    expect(first.changes.map((c) => c.indicatorId)).toEqual(["remittance-cost-usd200"]);
  });

  it("lists every file with its SHA-256, and the index vouches for the manifest", async () => {
    const files = unzipSync(first.zip);
    const manifest = releaseManifest.parse(JSON.parse(decode(files["2026-11-30-1/manifest.json"])));
    for (const entry of manifest.files) {
      const data = files[`2026-11-30-1/${entry.path}`];
      expect(data, entry.path).toBeDefined();
      expect(await sha256Hex(data ?? new Uint8Array()), entry.path).toBe(entry.sha256);
    }
    const index = releaseIndex.parse(JSON.parse(decode(files["index.json"])));
    expect(index.releases.map((r) => r.version)).toEqual(["2026-11-30-1"]);
    expect(index.releases[0]?.manifestSha256).toBe(
      await sha256Hex(files["2026-11-30-1/manifest.json"] ?? new Uint8Array()),
    );
    expect(releaseChanges.parse(JSON.parse(decode(files["2026-11-30-1/changes.json"])))).toEqual(
      first.changes,
    );
  });

  it("publishes each indicator as CSV, JSON and XLSX with source and licence, and the whole release as one zip", () => {
    const files = unzipSync(first.zip);
    const csv = readCsv(
      decode(files["2026-11-30-1/downloads/indicators/remittance-cost-usd200.csv"]),
    );
    expect(csv.header).toEqual([
      "indicator_id",
      "period",
      "value",
      "geography",
      "unit",
      "obs_status",
      "note",
      "source",
      "publisher",
      "licence",
    ]);
    const q3 = csv.records.find((r) => r.cells[1] === "2020-Q3" && r.cells[3] === "USA");
    expect(q3?.cells[2]).toBe("3.5");
    const q2 = csv.records.find((r) => r.cells[1] === "2020-Q2" && r.cells[3] === "USA");
    expect(q2?.cells.slice(7)).toEqual(["wb-rpw-corridors-2020q3", "World Bank", "CC BY 4.0"]);
    const json = JSON.parse(
      decode(files["2026-11-30-1/downloads/indicators/refugees-from-honduras.json"]),
    );
    expect(json.release).toBe("2026-11-30-1");
    expect(json.rows.length).toBeGreaterThan(0);
    const xlsx = files["2026-11-30-1/downloads/indicators/refugees-from-honduras.xlsx"];
    expect(decode(xlsx?.slice(0, 2))).toBe("PK");
    const whole = unzipSync(
      files["2026-11-30-1/downloads/release-2026-11-30-1.zip"] ?? new Uint8Array(),
    );
    expect(Object.keys(whole)).toContain("indicators/remittance-cost-usd200.csv");
    expect(Object.keys(whole)).toContain("catalog.json");
  });

  it("numbers the next release of the day after it and points back to it", async () => {
    const bundle = await bundleOf(`${header}remittance-cost-usd200,2020-Q4,3.3,USA\n`, "second");
    const second = await assembleRelease(engine, nodeParquet, {
      bundle,
      approvedBy: person("Luis"),
      index: first.index,
      catalog,
      sources: bundledSources,
      now: new Date("2026-11-30T16:00:00Z"),
    });
    expect(second.manifest.version).toBe("2026-11-30-2");
    expect(second.manifest.previous).toBe("2026-11-30-1");
    expect(second.index.releases.map((r) => r.version)).toEqual(["2026-11-30-1", "2026-11-30-2"]);
  });
});
