import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { sha256Hex } from "../../src/lib/hash/sha256";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import {
  exportObservationsParquet,
  loadObservations,
} from "../../src/lib/observations/observation-table";
import {
  catalogVersion,
  exportBundle,
  exportOpenSdg,
} from "../../src/lib/officer-tools/export-bundle";
import { exportManifest } from "../../src/lib/officer-tools/manifest";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { collectObservations, publishedStore } from "../../src/lib/published/local-data-node";
import { loadBase, restoreSubmissions } from "../../src/lib/submissions/submission-service";
import { projectCatalog } from "../helpers/catalog";

const catalog = projectCatalog();
let engine: Engine;
let zip: Record<string, Uint8Array>;
let realRows: number;

// The demo is loaded on purpose: an export made while it is on must still hold real rows only.
beforeAll(async () => {
  engine = await startNodeEngine();
  realRows = (await collectObservations(["real"])).length;
  await loadObservations(engine, await collectObservations(["real", "demo"]));
  zip = unzipSync(
    await exportBundle(engine, nodeParquet, catalog, [], new Date("2026-11-28T12:00:00Z")),
  );
});
afterAll(async () => engine.close());

describe("export everything accepted", () => {
  it("zips the observations as Parquet with a manifest whose checksum matches", async () => {
    expect(Object.keys(zip).sort()).toEqual(["manifest.json", "observations.parquet"]);
    const manifest = exportManifest.parse(
      JSON.parse(new TextDecoder().decode(zip["manifest.json"])),
    );
    expect(manifest.observations.sha256).toBe(
      await sha256Hex(zip["observations.parquet"] ?? new Uint8Array()),
    );
    expect(manifest.observations.rows).toBe(realRows);
    expect(manifest.catalogVersion).toBe(await catalogVersion(catalog));
    expect(manifest.sources.map((s) => s.id)).toContain("wb-rpw-corridors-2020q3");
    expect(manifest.sources.find((s) => s.id === "unhcr-refugees-2025.12.1")?.licence).toBe(
      "CC BY 4.0",
    );
  });

  it("reads back as an upload: the exported Parquet passes the intake with every row", async () => {
    const result = await inspectFile(
      catalog,
      "observations.parquet",
      zip["observations.parquet"] ?? new Uint8Array(),
      {
        parquet: nodeParquet,
      },
    );
    expect(result.format).toBe("parquet");
    expect(result.errors).toBe(0);
    expect(result.observations).toHaveLength(realRows);
    expect(result.observations.filter((o) => o.obs_status === "illustrative")).toEqual([]);
  });

  it("is published by the build from data/published/<name>/, checked against its manifest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gcm-published-"));
    try {
      await mkdir(join(dir, "2026-q3"));
      await writeFile(
        join(dir, "2026-q3", "observations.parquet"),
        zip["observations.parquet"] ?? new Uint8Array(),
      );
      await writeFile(
        join(dir, "2026-q3", "manifest.json"),
        zip["manifest.json"] ?? new Uint8Array(),
      );
      const fresh = await startNodeEngine();
      try {
        await loadBase(fresh, nodeParquet, await exportObservationsParquet(engine, nodeParquet));
        expect(await restoreSubmissions(fresh, await publishedStore(dir), nodeParquet)).toEqual({
          restored: 1,
          failed: [],
        });
      } finally {
        await fresh.close();
      }
      await writeFile(join(dir, "2026-q3", "observations.parquet"), new Uint8Array([1, 2, 3]));
      await expect(publishedStore(dir)).rejects.toThrow("does not match its manifest");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("writes one Open SDG CSV per indicator with real data, and where each comes from", async () => {
    const files = unzipSync(await exportOpenSdg(engine));
    expect(Object.keys(files)).toContain("indicator_remittance-cost-usd200.csv");
    // Demo-only indicators are not exported.
    expect(Object.keys(files)).not.toContain("indicator_returnees-received.csv");
    const sources = new TextDecoder().decode(files["sources.csv"]);
    expect(sources.split("\r\n")[0]).toBe(
      "indicator_id,first_period,last_period,source,publisher,licence,url",
    );
    expect(sources).toContain(
      "remittance-cost-usd200,2011-Q1,2020-Q3,wb-rpw-corridors-2020q3,World Bank,CC BY 4.0,https://remittanceprices.worldbank.org",
    );
    const csv = new TextDecoder().decode(files["indicator_remittance-cost-usd200.csv"]);
    expect(csv.split("\r\n")[0]).toBe("Year,Observation status,GeoCode,Value");
    expect(csv).toContain("2020-Q3,normal,USA,3.882");
  });
});
