/**
 * Child process of the engine benchmark: measures one engine on one size and writes the result
 * (after every step, so a crash still leaves what was measured) as JSON.
 *
 *   node --import tsx --expose-gc scripts/bench/engines/worker.ts \
 *     --engine duckdb-wasm --manifest <work>/observations-1000000-seed1.json --runs 3 --out r.json
 *     [--threads N]      native-duckdb: its thread count (default 2)
 *     [--harness DIR]    the Chromium engines: the built harness page (browser-harness/)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { BenchFiles } from "../generate-bench-data";
import type { BenchEngine, BenchInput } from "./engine";
import { MemoryProbe, measureEngine } from "./measure-engine";
import { browserEngineIds, type EngineId, engineIds } from "./questions";

const { values } = parseArgs({
  options: {
    engine: { type: "string" },
    manifest: { type: "string" },
    runs: { type: "string", default: "3" },
    out: { type: "string" },
    threads: { type: "string", default: "2" },
    harness: { type: "string" },
  },
});
const engineId = values.engine as EngineId;
if (!engineIds.includes(engineId))
  throw new Error(`--engine must be one of ${engineIds.join(", ")}`);
if (!values.manifest || !values.out) throw new Error("--manifest and --out are required");
const out = values.out;
const files = JSON.parse(readFileSync(values.manifest, "utf8")) as BenchFiles;

const probe = new MemoryProbe();
// Native DuckDB reads the files itself and the page downloads them; the others get the bytes, as
// the browser would.
const inMemory = engineId !== "native-duckdb" && !browserEngineIds.includes(engineId);
const harness = () => {
  if (!values.harness) throw new Error(`--harness is required for ${engineId}`);
  return values.harness;
};
const input: BenchInput = {
  files,
  csv: inMemory ? files.csv.map((f) => new Uint8Array(readFileSync(f))) : [],
  parquet: inMemory ? files.parquet.map((f) => new Uint8Array(readFileSync(f))) : [],
};

const starters: Record<EngineId, () => Promise<BenchEngine>> = {
  "duckdb-wasm": async () => (await import("./duckdb-wasm")).startDuckdbWasm(input),
  "duckdb-wasm-chromium": async () =>
    (await import("./duckdb-wasm-browser")).startDuckdbWasmBrowser(input, {
      harnessDir: harness(),
      threads: false,
    }),
  "duckdb-wasm-threads": async () =>
    (await import("./duckdb-wasm-browser")).startDuckdbWasmBrowser(input, {
      harnessDir: harness(),
      threads: true,
    }),
  arquero: async () => (await import("./arquero")).startArquero(input),
  "papaparse-js": async () => (await import("./papaparse-js")).startPapaparseJs(input),
  "native-duckdb": async () =>
    (await import("./native-duckdb")).startNativeDuckdb(input, Number(values.threads)),
};

const result = await measureEngine({
  engine: starters[engineId],
  engineId,
  size: files.size,
  runs: Number(values.runs),
  probe,
  onProgress: (run) => writeFileSync(out, JSON.stringify(run)),
});
probe.stop();
process.exitCode = result.status === "ok" ? 0 : 1;
