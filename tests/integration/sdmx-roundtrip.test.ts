import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/lib/db/engine";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import { bundledSources } from "../../src/lib/observations/bundled-sources";
import type { Observation } from "../../src/lib/observations/columns";
import { loadObservations } from "../../src/lib/observations/observation-table";
import { collectObservations } from "../../src/lib/published/local-data-node";
import { exportableObservations } from "../../src/lib/sdmx/engine-observations";
import { keptArtefacts } from "../../src/lib/sdmx/kept-artefacts";
import type { ExportObservation } from "../../src/lib/sdmx/observation-attributes";
import { dataflowFileName, type SdmxManifest, sdmxZip } from "../../src/lib/sdmx/sdmx-zip";
import { projectCatalog } from "../helpers/catalog";
import { everyCodeObservations } from "../unit/sdmx/every-code";

const catalog = projectCatalog();
const { mapping } = keptArtefacts;
const files = [dataflowFileName(mapping.sdg.dataflow), dataflowFileName(mapping.national.dataflow)];

/** What a round trip must keep of an observation, as one comparable line. */
const key = (o: ExportObservation) =>
  JSON.stringify([
    o.indicator_id,
    o.period,
    o.value,
    Object.entries(o.dimensions).sort(),
    o.obs_status,
    o.source ?? null,
    o.note ?? null,
  ]);

/** Export, then read each dataflow file back through the intake as an officer's upload. */
async function roundTrip(observations: readonly ExportObservation[]) {
  const { zip, manifest } = await sdmxZip(
    observations,
    catalog,
    keptArtefacts,
    bundledSources,
    new Date("2026-11-30T12:00:00Z"),
  );
  const unzipped = unzipSync(zip);
  const read: Observation[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const result = await inspectFile(catalog, file, unzipped[file] ?? new Uint8Array());
    errors.push(
      ...result.findings
        .filter((f) => f.severity === "error")
        .map((f) => `${f.file}:${f.row} ${f.column} ${f.code} ${f.value}`),
    );
    read.push(...result.observations);
  }
  return { read, errors, manifest, unzipped };
}

let engine: Engine;
let real: Observation[];

// The demo is loaded on purpose: an export made while it is on must hold real rows only.
beforeAll(async () => {
  engine = await startNodeEngine();
  real = await collectObservations(["real"]);
  await loadObservations(engine, await collectObservations(["real", "demo"]));
});
afterAll(async () => engine.close());

describe("SDMX-CSV round trip", () => {
  it("exports what DuckDB holds without the demo, and the intake reads back the same observations", async () => {
    const exported = await exportableObservations(engine);
    expect(exported).toHaveLength(real.length);
    const { read, errors, manifest } = await roundTrip(exported);
    expect(errors).toEqual([]);
    expect(read.map(key).sort()).toEqual(real.map(key).sort());
    expect(manifest.dataflows.map((d) => d.rows).reduce((a, b) => a + b)).toBe(real.length);
    expect(manifest.notExported).toEqual([]);
  });

  it("keeps every catalog code, censored bounds and missing values through export and intake", async () => {
    const observations = everyCodeObservations(catalog);
    const { read, errors, manifest } = await roundTrip(observations);
    expect(errors).toEqual([]);
    expect(read.map(key).sort()).toEqual(observations.map(key).sort());
    const censored = read.filter((o) => o.obs_status === "censored");
    expect(censored.length).toBe(catalog.indicators.length);
    expect(censored.every((o) => o.value === null && o.note === "<5")).toBe(true);
    // Rows of SDG indicators the SDG structure cannot say are accounted for in the manifest.
    const keptRows = manifest.keptNational.reduce((sum, k) => sum + k.rows, 0);
    expect(keptRows).toBeGreaterThan(0);
    expect(manifest.keptNational.every((k) => mapping.sdg.indicators[k.indicator])).toBe(true);
  });

  it("writes a manifest naming dataflows, structures, codelist versions, checksums and sources", async () => {
    const { manifest, unzipped } = await roundTrip(await exportableObservations(engine));
    const fromZip = JSON.parse(new TextDecoder().decode(unzipped["manifest.json"])) as SdmxManifest;
    expect(fromZip).toEqual(manifest);
    expect(manifest.sdmxCsv).toBe("1.0.0");
    expect(manifest.dataflows.map((d) => [d.file, d.dataflow, d.structure])).toEqual([
      [files[0], "IAEG-SDGs:DF_SDG_GLC(1.14)", "IAEG-SDGs:SDG(1.14)"],
      [files[1], "HN:DF_GCM_MONITOR(1.0)", "HN:GCM_MONITOR(1.0)"],
    ]);
    expect(manifest.dataflows[0]?.codelists).toContain("IAEG-SDGs:CL_SERIES(1.14)");
    expect(manifest.dataflows[0]?.codelists).toContain("SDMX:CL_OBS_STATUS(2.1)");
    expect(manifest.dataflows[1]?.codelists).toContain("HN:CL_INDICATOR(1.0)");
    const codelists = JSON.parse(new TextDecoder().decode(unzipped["codelists.json"])) as {
      agency: string;
      id: string;
      version: string;
    }[];
    const inZip = new Set(codelists.map((c) => `${c.agency}:${c.id}(${c.version})`));
    for (const ref of manifest.dataflows.flatMap((d) => d.codelists))
      expect(inZip.has(ref)).toBe(true);
    expect(manifest.sources.map((s) => s.id)).toContain("unodc-glotip-2023-05-30");
    expect(Object.keys(unzipped).sort()).toEqual(
      [
        ...files,
        "codelists.json",
        "manifest.json",
        "structures/HN.GCM_MONITOR.1.0.json",
        "structures/IAEG-SDGs.SDG.1.14.json",
      ].sort(),
    );
  });
});
