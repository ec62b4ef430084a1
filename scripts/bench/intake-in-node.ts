/**
 * The intake's two row-rule paths and the plausibility check of a staged file, timed in Node on
 * generated files (DuckDB-wasm's Node build, one thread, as the page's default build):
 *
 *   npx tsx scripts/bench/intake-in-node.ts [rows …]   (default 100000 1000000; 3 runs each)
 *
 * Per size: `inspectFile` with the JavaScript rules (the default) and with `sqlRowRules`, then the
 * rows staged as the Data page stages them and `checkStagedPlausibility` over them with no
 * accepted data. Prints min / median milliseconds.
 */
import * as arrow from "apache-arrow";
import { loadCatalogFromDir } from "../../src/lib/catalog/load-catalog-node";
import { startNodeEngine } from "../../src/lib/db/node-engine";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import { groupByIndicator, observationsToIpc } from "../../src/lib/observations/observation-table";
import { checkStagedPlausibility } from "../../src/lib/plausibility/check-staged";
import { stage } from "../../src/lib/submissions/submission-service";
import { generateObservationsCsv } from "../lib/generate-observations";

const runs = 3;

async function timed(work: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `${Math.round(times[0] ?? 0)} / ${Math.round(times[Math.floor(runs / 2)] ?? 0)} ms`;
}

const loaded = await loadCatalogFromDir("indicators");
if (!loaded.ok) throw new Error("the catalog does not load");
const { catalog } = loaded;
const sizes = process.argv.slice(2).map(Number);
const engine = await startNodeEngine();
try {
  for (const rows of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const bytes = new TextEncoder().encode(generateObservationsCsv(rows, rows + 1));
    console.log(`${rows} rows (${(bytes.length / 1048576).toFixed(1)} MB CSV), min / median:`);
    console.log(`  JavaScript rules: ${await timed(() => inspectFile(catalog, "f.csv", bytes))}`);
    console.log(
      `  SQL rules:        ${await timed(() => inspectFile(catalog, "f.csv", bytes, { sqlRowRules: engine }))}`,
    );
    const result = await inspectFile(catalog, "f.csv", bytes);
    const ordered = groupByIndicator(result.observations);
    const rowNumbers = Int32Array.from(ordered, (o) => o.row ?? 0);
    await stage(engine, observationsToIpc(arrow, ordered));
    await engine.exec(
      "CREATE OR REPLACE TABLE observations AS SELECT * FROM staged_observations LIMIT 0",
    );
    console.log(
      `  plausibility:     ${await timed(() => checkStagedPlausibility(engine, "staged_observations", rowNumbers, catalog, "f.csv"))}`,
    );
  }
} finally {
  await engine.close();
}
