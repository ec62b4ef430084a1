/**
 * data/observations/*.csv → validated → DuckDB (the same wasm engine the browser runs) →
 * public/data/observations.parquet. Fails, naming file, row and column, if any file has an error.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadCatalogFromDir } from "../src/lib/catalog/load-catalog-node";
import { startNodeEngine } from "../src/lib/db/node-engine";
import { countErrors } from "../src/lib/intake/findings";
import { readCsv } from "../src/lib/intake/read-csv";
import { validateObservations } from "../src/lib/intake/validate-observations";
import type { Observation } from "../src/lib/observations/columns";
import {
  exportObservationsParquet,
  loadObservations,
} from "../src/lib/observations/observation-table";
import { nodeParquet } from "../src/lib/parquet/parquet-node";
import { formatFinding } from "./lib/format-finding";

export const observationsDir = "data/observations";
export const publishedParquet = "public/data/observations.parquet";

export async function collectObservations(): Promise<Observation[]> {
  const catalog = await loadCatalogFromDir("indicators");
  if (!catalog.ok)
    throw new Error(catalog.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("\n"));
  const files = (await readdir(observationsDir)).filter((f) => f.endsWith(".csv")).sort();
  const all: Observation[] = [];
  for (const file of files) {
    const path = join(observationsDir, file);
    const { findings, observations } = validateObservations(
      catalog.catalog,
      readCsv(await readFile(path, "utf8")),
      path,
    );
    if (countErrors(findings) > 0) {
      throw new Error(
        findings
          .filter((f) => f.severity === "error")
          .map((f) => formatFinding(f, "en"))
          .join("\n"),
      );
    }
    all.push(...observations);
  }
  return all;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const observations = await collectObservations();
  const engine = await startNodeEngine();
  try {
    await loadObservations(engine, observations);
    const parquet = await exportObservationsParquet(engine, nodeParquet);
    await mkdir("public/data", { recursive: true });
    await writeFile(publishedParquet, parquet);
    console.log(
      `wrote ${publishedParquet}: ${observations.length} observations, ${parquet.byteLength} bytes`,
    );
  } finally {
    await engine.close();
  }
}
