import { loadCatalogFromDir } from "../lib/catalog/load-catalog-node";
import { startNodeEngine } from "../lib/db/node-engine";
import { exportObservationsParquet, loadObservations } from "../lib/observations/observation-table";
import { nodeParquet } from "../lib/parquet/parquet-node";
import { collectObservations } from "../lib/published/local-data-node";
import { buildHostileCorpus } from "../lib/selfcheck/hostile-corpus";
import { nodeCorpusTools } from "../lib/selfcheck/node-corpus-tools";
import { runSelfcheck, summaryLine } from "../lib/selfcheck/selfcheck";
import { loadBase } from "../lib/submissions/submission-service";
import { catalogDir } from "./catalog-dir";

/**
 * `gcm selfcheck`: the hostile corpus through the intake and the accept path, and injected
 * storage and engine faults, on a Node engine with a memory store. Exit 1 if any input crashed,
 * was accepted or changed data, or any data were lost.
 */
export async function runSelfcheckCommand(options: { json: boolean }): Promise<number> {
  const catalog = await loadCatalogFromDir(catalogDir);
  if (!catalog.ok) {
    for (const p of catalog.problems) console.error(`indicators/${p.file} ${p.path}: ${p.message}`);
    return 1;
  }
  const builder = await startNodeEngine();
  let base: Uint8Array;
  try {
    await loadObservations(builder, await collectObservations());
    base = await exportObservationsParquet(builder, nodeParquet);
  } finally {
    await builder.close();
  }
  const report = await runSelfcheck({
    catalog: catalog.catalog,
    parquet: nodeParquet,
    arrow: nodeCorpusTools.arrow,
    corpus: await buildHostileCorpus(nodeCorpusTools),
    startEngine: async () => {
      const engine = await startNodeEngine();
      await loadBase(engine, nodeParquet, base);
      return engine;
    },
  });
  if (options.json) {
    console.log(
      JSON.stringify(
        { ok: report.problems.length === 0, summary: summaryLine(report), ...report },
        null,
        2,
      ),
    );
  } else {
    for (const input of report.inputs)
      console.log(
        `input  ${input.name.padEnd(26)} ${input.outcome.padEnd(8)} ${String(input.milliseconds).padStart(6)} ms  ${input.codes.join(", ")}`,
      );
    for (const fault of report.faults)
      console.log(
        `fault  ${fault.name.padEnd(26)} ${fault.allowed ? "ok      " : "FAILED  "} ${fault.observed}`,
      );
    for (const skipped of report.skipped) console.log(`skipped ${skipped}`);
    for (const problem of report.problems) console.log(`PROBLEM ${problem}`);
    console.log(summaryLine(report));
  }
  return report.problems.length === 0 ? 0 : 1;
}
