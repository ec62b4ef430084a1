/**
 * The data a build or the command line starts from (Node only): the real series and officers'
 * exports in `data/`, and, only when asked for, the illustrative demo dataset in `data/demo/`.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadCatalogFromDir } from "../catalog/load-catalog-node";
import type { Catalog } from "../catalog/schema";
import type { FundingRecord } from "../funding/funding-columns";
import { sha256Hex } from "../hash/sha256";
import { createI18n } from "../i18n/create-i18n";
import { describeFinding } from "../intake/describe-finding";
import { countErrors, type Finding } from "../intake/findings";
import { inspectFile } from "../intake/inspect-file";
import { readCsv } from "../intake/read-csv";
import { validateObservations } from "../intake/validate-observations";
import type { Observation } from "../observations/columns";
import { exportManifestFile } from "../officer-tools/export-bundle";
import { exportManifest } from "../officer-tools/manifest";
import { createMemoryStore } from "../submissions/memory-store";
import type { SubmissionStore } from "../submissions/submission";

/** Real: public statistics derived from data/raw, and what officers published. Demo: generated. */
export type DataSet = "real" | "demo";

export const dataDirs: Record<"observations" | "funding", Record<DataSet, string>> = {
  observations: { real: "data/observations", demo: "data/demo/observations" },
  funding: { real: "data/funding", demo: "data/demo/funding" },
};
export const publishedDir = "data/published";

async function csvFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir))
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => join(dir, f));
}

async function projectCatalog(): Promise<Catalog> {
  const result = await loadCatalogFromDir("indicators");
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("\n"));
  return result.catalog;
}

function errorText(findings: readonly Finding[]): string {
  const { t } = createI18n("en");
  return findings
    .filter((f) => f.severity === "error")
    .map((f) => describeFinding(f, t))
    .join("\n");
}

/** The observations of the chosen sets, each file checked like an upload (an error stops). */
export async function collectObservations(
  sets: readonly DataSet[] = ["real"],
): Promise<Observation[]> {
  const catalog = await projectCatalog();
  const all: Observation[] = [];
  for (const set of sets) {
    for (const path of await csvFiles(dataDirs.observations[set])) {
      const { findings, observations } = validateObservations(
        catalog,
        readCsv(await readFile(path, "utf8")),
        path,
      );
      if (countErrors(findings) > 0) throw new Error(errorText(findings));
      all.push(...observations);
    }
  }
  return all;
}

/** The funding files of the chosen sets, checked with the same intake as uploads. */
export async function collectFunding(
  sets: readonly DataSet[] = ["real"],
): Promise<FundingRecord[]> {
  const catalog = await projectCatalog();
  const records: FundingRecord[] = [];
  for (const set of sets) {
    for (const path of await csvFiles(dataDirs.funding[set])) {
      const result = await inspectFile(catalog, path, new Uint8Array(await readFile(path)));
      if (result.kind !== "funding" || result.errors > 0)
        throw new Error(errorText(result.findings) || `${path}: not a funding file`);
      records.push(...result.funding);
    }
  }
  return records;
}

/**
 * Officers' exports unzipped into `data/published/<name>/` (observations.parquet + manifest.json):
 * checked against their manifest, then laid over the CSV data in name order, like submissions.
 */
export async function publishedStore(dir = publishedDir): Promise<SubmissionStore> {
  const store = createMemoryStore();
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  for (const [index, name] of names.entries()) {
    const manifest = exportManifest.parse(
      JSON.parse(await readFile(join(dir, name, exportManifestFile), "utf8")),
    );
    const parquet = new Uint8Array(await readFile(join(dir, name, manifest.observations.file)));
    const sha256 = await sha256Hex(parquet);
    if (sha256 !== manifest.observations.sha256) {
      throw new Error(
        `${join(dir, name)}: ${manifest.observations.file} does not match its manifest (sha256 ${sha256})`,
      );
    }
    await store.add(
      {
        id: name,
        seq: index + 1,
        fileName: `${name}/${manifest.observations.file}`,
        checksum: sha256,
        acceptedAt: manifest.generatedAt,
        rows: manifest.observations.rows,
        indicators: [],
        periods: [],
        status: "active",
      },
      parquet,
    );
  }
  return store;
}
