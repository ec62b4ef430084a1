/**
 * The engine-level benchmark of issue 8: duckdb-wasm, Arquero, PapaParse + plain JavaScript and
 * native DuckDB on the same generated observations and the same questions.
 *
 *   npx tsx scripts/bench/run-alternatives.ts [--sizes 100000,1000000,10000000] [--runs 3]
 *     [--small-runs 5]   runs below 1M rows
 *     [--work-dir DIR]   generated files (kept and reused) and worker results; default $TMPDIR/gcm-bench
 *     [--out FILE]       the report as JSON; default tests/artifacts/bench-alternatives.json
 *     [--engines duckdb-wasm,arquero,papaparse-js,native-duckdb] [--seed 1] [--heap-mb 4096]
 *
 * Prints the Markdown report on stdout (progress on stderr). Exit 1 when the engines' answers
 * disagree (the report is still written and printed).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import {
  type AlternativesReport,
  benchAlternatives,
  CrossCheckError,
  formatAlternativesMarkdown,
} from "./alternatives";
import { type EngineId, engineIds } from "./engines/questions";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100000,1000000,10000000" },
    runs: { type: "string", default: "3" },
    "small-runs": { type: "string", default: "5" },
    "work-dir": { type: "string", default: join(tmpdir(), "gcm-bench") },
    out: { type: "string", default: "tests/artifacts/bench-alternatives.json" },
    engines: { type: "string", default: engineIds.join(",") },
    seed: { type: "string", default: "1" },
    "heap-mb": { type: "string", default: "4096" },
  },
});

const positive = (name: string, text: string) => {
  const n = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name}: ${text} is not a positive integer`);
  return n;
};
const engines = values.engines.split(",").map((e) => e.trim()) as EngineId[];
for (const e of engines)
  if (!engineIds.includes(e))
    throw new Error(`--engines: ${e} is not one of ${engineIds.join(", ")}`);

async function save(report: AlternativesReport) {
  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${formatAlternativesMarkdown(report)}\n\nJSON: ${values.out}\n`);
}

try {
  const report = await benchAlternatives({
    sizes: values.sizes.split(",").map((s) => positive("sizes", s.trim())),
    runs: positive("runs", values.runs),
    smallRuns: positive("small-runs", values["small-runs"]),
    workDir: values["work-dir"],
    engines,
    seed: positive("seed", values.seed),
    heapMb: positive("heap-mb", values["heap-mb"]),
  });
  await save(report);
} catch (error) {
  if (error instanceof CrossCheckError) {
    await save(error.report);
    process.stderr.write(`\n${error.message}\n`);
    process.exitCode = 1;
  } else throw error;
}
