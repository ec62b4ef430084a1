/**
 * Issue 8, engine level: DuckDB-wasm against the alternatives on the same generated data and the
 * same questions. Engines (lanes):
 * - duckdb-wasm: this project's wasm in Node (the blocking build, single-threaded, as the app's
 *   engine without cross-origin isolation);
 * - duckdb-wasm-chromium / duckdb-wasm-threads: the app's engine code in headless Chromium, the
 *   single-threaded build and, on a cross-origin isolated page, the threaded build with the
 *   browser's thread count: the same page, so the pair shows what threads change;
 * - arquero: the general-purpose JavaScript engine a user would pick instead (the target);
 * - papaparse-js: PapaParse + hand-written loops over typed arrays, a reference line (no target);
 * - native-duckdb@N: native DuckDB with N threads, run with as many threads as each wasm build
 *   (1, and the browser's count) and with 2: the ceiling.
 *
 * Each lane runs in its own child process per size (scripts/bench/engines/worker.ts), so one
 * engine's memory (wasm memory never shrinks) does not weigh on the next and an engine that runs
 * out of memory is reported instead of ending the benchmark. The JavaScript engines get a V8 heap
 * of `heapMb` (default 4096, about what a browser tab has).
 *
 * Every engine's answers are compared with native DuckDB's (or the first engine that answered):
 * benchAlternatives throws a CrossCheckError, with the report attached, when any differ.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { engineThreadsFor } from "../../src/lib/db/engine-build";
import { launchChromium } from "../../tests/helpers/chromium";
import { buildHarness } from "./browser-harness/build-harness";
import { type EngineRun, emptyEngineRun, type Timing } from "./engines/measure-engine";
import {
  type Answer,
  browserEngineIds,
  compareAnswers,
  compareFingerprints,
  type EngineId,
  engineIds,
  engineLabels,
  ingestIds,
  type QueryId,
  type QuestionId,
  type QuestionKind,
  queryIds,
  questionKinds,
  questionLabels,
} from "./engines/questions";
import { type BenchFiles, ensureBenchData } from "./generate-bench-data";

export interface AlternativesOptions {
  sizes: number[];
  /** Runs per measurement for sizes of 1,000,000 rows and more. */
  runs: number;
  /** Folder for the generated files (reused when present) and the workers' results. */
  workDir: string;
  /** Runs below 1,000,000 rows; default 5. */
  smallRuns?: number;
  seed?: number;
  engines?: readonly EngineId[];
  /**
   * Thread counts native DuckDB runs with; default 1, 2 and the threaded build's count in this
   * machine's Chromium (min(hardwareConcurrency, 4)).
   */
  nativeThreads?: readonly number[];
  /** V8 heap limit of each worker, MB; default 4096. */
  heapMb?: number;
  /** Per worker; default 30 minutes. */
  timeoutMs?: number;
  /** Progress lines; default stderr. */
  log?: (line: string) => void;
}

/** A worker's result without the answers (they are only needed for the cross-check). */
export type EngineResult = Omit<EngineRun, "answers" | "sortedAnswers" | "parquetTableAnswers"> & {
  answerRows: Partial<Record<QueryId, number>>;
};

/** One engine with one thread count: `native-duckdb@2`, or the engine's id for the others. */
export type LaneKey = string;
export const laneKey = (engine: EngineId, threads: number | null): LaneKey =>
  engine === "native-duckdb" ? `native-duckdb@${threads ?? "?"}` : engine;
export const nativeLane = (threads: number): LaneKey => laneKey("native-duckdb", threads);

export function laneLabel(key: LaneKey): string {
  const native = /^native-duckdb@(.+)$/.exec(key);
  if (native) return `native, ${native[1]} thread${native[1] === "1" ? "" : "s"}`;
  return engineLabels[key as EngineId] ?? key;
}

/** The DuckDB-wasm lanes, each held to the targets. */
const wasmLanes: readonly LaneKey[] = [
  "duckdb-wasm",
  "duckdb-wasm-chromium",
  "duckdb-wasm-threads",
];

export interface Target {
  /**
   * `vs-arquero`: Arquero ms / duckdb-wasm ms must be at least `goal`; `vs-native`: duckdb-wasm
   * ms / ms of native DuckDB with the same number of threads at most `goal`.
   */
  kind: "vs-arquero" | "vs-native";
  lane: LaneKey;
  goal: number;
  ratio: number | null;
  met: boolean | null;
}

/** One DuckDB-wasm lane on one question against Arquero and native DuckDB. */
export interface WasmComparison {
  lane: LaneKey;
  threads: number | null;
  medianMs: number | null;
  /** How many times faster than Arquero (Arquero ms / wasm ms). */
  vsArquero: number | null;
  /** Native DuckDB with the wasm build's thread count, and how many times slower wasm is. */
  nativeSameThreads: LaneKey | null;
  vsNativeSameThreads: number | null;
  /** How many times slower than native DuckDB with 2 threads. */
  vsNative2: number | null;
  /** How many times faster than PapaParse + loops (the reference line, no target). */
  vsPapaparse: number | null;
  targets: Target[];
}

export interface RatioRow {
  size: number;
  question: QuestionId;
  kind: QuestionKind;
  /** Medians and minimums per lane, ms; queries on the sorted table for the DuckDB engines (the app's layout). */
  medianMs: Record<LaneKey, number | null>;
  minMs: Record<LaneKey, number | null>;
  wasm: WasmComparison[];
}

export interface LayoutRow {
  size: number;
  lane: LaneKey;
  question: QueryId;
  unsortedMedianMs: number | null;
  sortedMedianMs: number | null;
  /** unsorted / sorted. */
  speedup: number | null;
}

export interface AlternativesReport {
  generatedAt: string;
  wallMs: number;
  machine: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    /** 1-minute load average at the start and the end: other work on the machine skews timings. */
    loadAverage: { start: number; end: number };
    /** What Chromium reports (navigator.hardwareConcurrency) and the threads the threaded build gets. */
    browserCores: number | null;
    browserThreads: number | null;
  };
  options: Required<Omit<AlternativesOptions, "log">>;
  data: BenchFiles[];
  lanes: LaneKey[];
  engines: Partial<Record<LaneKey, string>>;
  results: EngineResult[];
  ratios: RatioRow[];
  layout: LayoutRow[];
  crossCheck: { ok: boolean; compared: number; mismatches: string[] };
}

export class CrossCheckError extends Error {
  constructor(
    readonly report: AlternativesReport,
    mismatches: readonly string[],
  ) {
    super(`engines disagree:\n${mismatches.map((m) => `  - ${m}`).join("\n")}`);
    this.name = "CrossCheckError";
  }
}

/** The issue's targets per question kind: against Arquero, and against native with the same threads. */
export const targetsByKind: Record<
  QuestionKind,
  { vsArquero: number | null; vsNative: number | null }
> = {
  ingest: { vsArquero: 2, vsNative: 2 },
  aggregation: { vsArquero: 3, vsNative: 2 },
  filter: { vsArquero: null, vsNative: null },
};

const workerPath = fileURLToPath(new URL("./engines/worker.ts", import.meta.url));

function emptyRun(engine: EngineId, size: number, runs: number, error: string): EngineRun {
  return {
    ...emptyEngineRun(engine, size, runs, 0),
    status: "failed",
    failedStep: "start",
    error,
  };
}

/** Why a worker died, from the end of its stderr (V8's "heap out of memory", a wasm trap, …). */
function crashReason(stderr: string, code: number | null, signal: string | null): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = lines.find((l) => /out of memory|FATAL ERROR|RangeError|Error:/i.test(l));
  const how = signal ? `killed by ${signal}` : `exit code ${code}`;
  return `${fatal ?? (lines.slice(-3).join(" | ") || "no output")} (${how})`;
}

interface Lane {
  key: LaneKey;
  engine: EngineId;
  /** native-duckdb only: the threads it is started with. */
  threads: number | null;
}

async function runWorker(
  lane: Lane,
  manifest: string,
  size: number,
  runs: number,
  out: string,
  settings: { heapMb: number; timeoutMs: number; harnessDir: string | null },
): Promise<EngineRun> {
  await rm(out, { force: true });
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--expose-gc",
      `--max-old-space-size=${settings.heapMb}`,
      workerPath,
      "--engine",
      lane.engine,
      "--manifest",
      manifest,
      "--runs",
      String(runs),
      "--out",
      out,
      ...(lane.threads === null ? [] : ["--threads", String(lane.threads)]),
      ...(settings.harnessDir ? ["--harness", settings.harnessDir] : []),
    ],
    { stdio: ["ignore", "inherit", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, settings.timeoutMs);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on("close", (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  const partial = existsSync(out)
    ? (JSON.parse(await readFile(out, "utf8")) as EngineRun)
    : emptyRun(lane.engine, size, runs, "the worker wrote no result");
  partial.threads ??= lane.threads;
  if (code === 0 && partial.status === "ok") return partial;
  if (partial.status === "ok" || partial.error === null) {
    // It died without recording why: name the step it was on and the reason from stderr.
    partial.status = "failed";
    partial.failedStep ??= partial.currentStep;
    partial.error = timedOut
      ? `timed out after ${Math.round(settings.timeoutMs / 1000)} s`
      : crashReason(stderr, code, signal);
  }
  return partial;
}

const keyOf = (run: { engine: EngineId; threads: number | null }): LaneKey =>
  laneKey(run.engine, run.threads);

function crossCheck(runs: readonly EngineRun[]): { compared: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let compared = 0;
  const sizes = [...new Set(runs.map((r) => r.size))];
  for (const size of sizes) {
    const atSize = runs.filter((r) => r.size === size);
    const preferred = [...atSize].sort(
      (a, b) => Number(b.engine === "native-duckdb") - Number(a.engine === "native-duckdb"),
    );
    const fingerprint = preferred.find((r) => r.fingerprints.csv)?.fingerprints.csv;
    if (fingerprint && fingerprint.rows !== size)
      mismatches.push(`${size}: the table has ${fingerprint.rows} rows instead of ${size}`);
    for (const run of atSize)
      for (const format of ["csv", "parquet"] as const) {
        const f = run.fingerprints[format];
        if (!f || !fingerprint) continue;
        compared++;
        const why = compareFingerprints(fingerprint, f);
        if (why) mismatches.push(`${size}, ${keyOf(run)}, table from ${format}: ${why}`);
      }
    for (const q of queryIds) {
      const reference: { lane: LaneKey; answer: Answer } | undefined = preferred
        .map((r) => ({ lane: keyOf(r), answer: r.sortedAnswers[q] ?? r.answers[q] }))
        .find((x): x is { lane: LaneKey; answer: Answer } => x.answer !== undefined);
      if (!reference) continue;
      if (reference.answer.rows.length === 0)
        mismatches.push(`${size}, ${q}: ${reference.lane} found no rows (nothing to compare)`);
      for (const run of atSize)
        for (const [layout, answer] of [
          ["unsorted", run.answers[q]],
          ["sorted", run.sortedAnswers[q]],
          ["table from Parquet", run.parquetTableAnswers[q]],
        ] as const) {
          if (!answer) continue;
          compared++;
          const why = compareAnswers(reference.answer, answer);
          if (why)
            mismatches.push(
              `${size}, ${q}: ${keyOf(run)} (${layout}) differs from ${reference.lane}: ${why}`,
            );
        }
    }
  }
  return { compared, mismatches };
}

const medianOf = (t: Timing | undefined) => t?.medianMs ?? null;
const minOf = (t: Timing | undefined) => t?.minMs ?? null;

/** The timing the ratio table uses: queries on the sorted table where the engine has one. */
function timingFor(run: EngineRun | undefined, question: QuestionId): Timing | undefined {
  if (!run) return undefined;
  if ((ingestIds as readonly string[]).includes(question))
    return run.timings[question as (typeof ingestIds)[number]];
  const q = question as QueryId;
  return run.sortedTimings[q] ?? run.timings[q];
}

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a !== null && a !== undefined && b ? a / b : null;

function compareWasm(
  lane: LaneKey,
  run: EngineRun | undefined,
  question: QuestionId,
  medianMs: Record<LaneKey, number | null>,
): WasmComparison {
  const threads = run?.threads ?? null;
  const wasm = medianMs[lane] ?? null;
  const nativeSame = threads === null ? null : nativeLane(threads);
  const vsArquero = ratio(medianMs.arquero, wasm);
  const vsNativeSameThreads = nativeSame ? ratio(wasm, medianMs[nativeSame]) : null;
  const goals = targetsByKind[questionKinds[question]];
  const targets: Target[] = [];
  if (wasmLanes.includes(lane)) {
    if (goals.vsArquero !== null)
      targets.push({
        kind: "vs-arquero",
        lane,
        goal: goals.vsArquero,
        ratio: vsArquero,
        met: vsArquero === null ? null : vsArquero >= goals.vsArquero,
      });
    if (goals.vsNative !== null)
      targets.push({
        kind: "vs-native",
        lane,
        goal: goals.vsNative,
        ratio: vsNativeSameThreads,
        met: vsNativeSameThreads === null ? null : vsNativeSameThreads <= goals.vsNative,
      });
  }
  return {
    lane,
    threads,
    medianMs: wasm,
    vsArquero,
    nativeSameThreads: nativeSame,
    vsNativeSameThreads,
    vsNative2: ratio(wasm, medianMs[nativeLane(2)]),
    vsPapaparse: ratio(medianMs["papaparse-js"], wasm),
    targets,
  };
}

function ratios(runs: readonly EngineRun[], sizes: readonly number[]): RatioRow[] {
  const rows: RatioRow[] = [];
  for (const size of sizes)
    for (const question of [...ingestIds, ...queryIds]) {
      const atSize = runs.filter((r) => r.size === size);
      const find = (key: LaneKey) => atSize.find((r) => keyOf(r) === key);
      const keys = atSize.map(keyOf);
      const medianMs = Object.fromEntries(
        keys.map((k) => [k, medianOf(timingFor(find(k), question))]),
      ) as Record<LaneKey, number | null>;
      const minMs = Object.fromEntries(
        keys.map((k) => [k, minOf(timingFor(find(k), question))]),
      ) as Record<LaneKey, number | null>;
      const wasm = wasmLanes
        .filter((lane) => keys.includes(lane))
        .map((lane) => compareWasm(lane, find(lane), question, medianMs));
      rows.push({ size, question, kind: questionKinds[question], medianMs, minMs, wasm });
    }
  return rows;
}

function layoutRows(runs: readonly EngineRun[], sizes: readonly number[]): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (const size of sizes)
    for (const run of runs.filter((r) => r.size === size && r.sortedIngestTiming !== null))
      for (const question of queryIds) {
        const unsorted = medianOf(run.timings[question]);
        const sorted = medianOf(run.sortedTimings[question]);
        rows.push({
          size,
          lane: keyOf(run),
          question,
          unsortedMedianMs: unsorted,
          sortedMedianMs: sorted,
          speedup: unsorted !== null && sorted ? unsorted / sorted : null,
        });
      }
  return rows;
}

/** What this machine's Chromium reports as its logical cores (navigator.hardwareConcurrency). */
async function chromiumCores(): Promise<number | null> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    return Number(await page.evaluate("navigator.hardwareConcurrency")) || null;
  } catch {
    return null;
  } finally {
    await browser.close();
  }
}

export async function benchAlternatives(options: AlternativesOptions): Promise<AlternativesReport> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const engines = options.engines ?? engineIds;
  const usesBrowser = engines.some((e) => browserEngineIds.includes(e));
  const browserCores = await chromiumCores();
  const browserThreads = browserCores === null ? null : engineThreadsFor(browserCores);
  const settings: AlternativesReport["options"] = {
    sizes: options.sizes,
    runs: options.runs,
    workDir: options.workDir,
    smallRuns: options.smallRuns ?? 5,
    seed: options.seed ?? 1,
    engines,
    nativeThreads:
      options.nativeThreads ?? [...new Set([1, 2, browserThreads ?? 2])].sort((a, b) => a - b),
    heapMb: options.heapMb ?? 4096,
    timeoutMs: options.timeoutMs ?? 30 * 60_000,
  };
  await mkdir(settings.workDir, { recursive: true });
  const harnessDir = usesBrowser
    ? await buildHarness(join(settings.workDir, "harness-dist"))
    : null;
  const lanes: Lane[] = settings.engines.flatMap((engine): Lane[] =>
    engine === "native-duckdb"
      ? settings.nativeThreads.map((threads) => ({
          key: nativeLane(threads),
          engine,
          threads,
        }))
      : [{ key: engine as LaneKey, engine, threads: null }],
  );

  const data: BenchFiles[] = [];
  const runs: EngineRun[] = [];
  for (const size of settings.sizes) {
    const t0 = performance.now();
    const files = await ensureBenchData(settings.workDir, size, settings.seed);
    data.push(files);
    log(
      `${size} rows: ${files.csv.length} CSV file(s) ${(files.csvBytes / 2 ** 20).toFixed(0)} MB, Parquet ${(files.parquetBytes / 2 ** 20).toFixed(1)} MB (ready in ${Math.round(performance.now() - t0)} ms)`,
    );
    const manifest = join(settings.workDir, `observations-${size}-seed${settings.seed}.json`);
    const runsHere = size < 1_000_000 ? settings.smallRuns : settings.runs;
    for (const lane of lanes) {
      const t1 = performance.now();
      const out = join(settings.workDir, `result-${lane.key}-${size}.json`);
      const run = await runWorker(lane, manifest, size, runsHere, out, {
        heapMb: settings.heapMb,
        timeoutMs: settings.timeoutMs,
        harnessDir,
      });
      runs.push(run);
      const seconds = ((performance.now() - t1) / 1000).toFixed(1);
      log(
        run.status === "ok"
          ? `  ${lane.key}: ok in ${seconds} s, peak RSS ${run.memory.peakRssMb} MB`
          : `  ${lane.key}: FAILED at ${run.failedStep} after ${seconds} s: ${run.error}`,
      );
    }
  }

  const check = crossCheck(runs);
  const engineVersions: AlternativesReport["engines"] = {};
  for (const run of runs) if (run.version) engineVersions[keyOf(run)] = run.version;
  const report: AlternativesReport = {
    generatedAt: new Date().toISOString(),
    wallMs: Math.round(performance.now() - started),
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverage: {
        start: Math.round(loadAtStart * 100) / 100,
        end: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      },
      browserCores,
      browserThreads,
    },
    options: settings,
    data,
    lanes: lanes.map((l) => l.key),
    engines: engineVersions,
    results: runs.map(({ answers, sortedAnswers, parquetTableAnswers: _, ...rest }) => ({
      ...rest,
      answerRows: Object.fromEntries(
        Object.entries({ ...answers, ...sortedAnswers }).map(([q, a]) => [q, a.rows.length]),
      ),
    })),
    ratios: ratios(runs, settings.sizes),
    layout: layoutRows(runs, settings.sizes),
    crossCheck: { ok: check.mismatches.length === 0, ...check },
  };
  if (check.mismatches.length > 0) throw new CrossCheckError(report, check.mismatches);
  return report;
}

// ---------------------------------------------------------------------------------------------
// Markdown

const ms = (x: number | null) =>
  x === null ? "—" : x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US");
const times = (x: number | null) =>
  x === null ? "—" : `${x < 10 ? x.toFixed(2) : Math.round(x).toString()}×`;
export const rowsLabel = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : n.toLocaleString("en-US");

function cell(report: AlternativesReport, row: RatioRow, lane: LaneKey): string {
  const median = row.medianMs[lane] ?? null;
  const run = report.results.find((r) => r.size === row.size && keyOf(r) === lane);
  if (median !== null) {
    // A DuckDB engine that never got its sorted table: say the figure is from the unsorted one.
    const unsorted =
      run?.sortedIngestTiming !== null &&
      questionKinds[row.question] !== "ingest" &&
      run?.sortedTimings[row.question as QueryId] === undefined &&
      (run?.engine === "native-duckdb" || wasmLanes.includes(lane));
    return `${ms(row.minMs[lane] ?? null)} / ${ms(median)}${unsorted ? " (unsorted)" : ""}`;
  }
  if (run?.status === "failed") return "failed†";
  return "—";
}

/** A target as text: met or missed, and by how much. */
export function targetText(t: Target): string {
  const label =
    t.kind === "vs-arquero" ? `≥ ${t.goal}× faster than Arquero` : `≤ ${t.goal}× native`;
  if (t.ratio === null || t.met === null) return `${label}: not measured`;
  const by =
    t.kind === "vs-arquero"
      ? t.met
        ? `${(t.ratio / t.goal).toFixed(2)}× the goal`
        : `missed: needs ${(t.goal / t.ratio).toFixed(2)}× more speed`
      : t.met
        ? `${(t.goal / t.ratio).toFixed(2)}× to spare`
        : `missed: ${(t.ratio / t.goal).toFixed(2)}× over the limit`;
  return `${label}: **${t.met ? "met" : "missed"}** (${by})`;
}

export function formatAlternativesMarkdown(report: AlternativesReport): string {
  const out: string[] = [];
  const { machine, options } = report;
  const lanes = report.lanes;
  out.push("## DuckDB-wasm against the alternatives (same data, same questions)", "");
  out.push(
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; ` +
      `Chromium reports ${machine.browserCores ?? "?"} cores, so the threaded build runs ${machine.browserThreads ?? "?"} threads; ` +
      `runs per measurement: ${options.smallRuns} below 1M rows, ${options.runs} from 1M; ` +
      `JavaScript heap limit per worker ${options.heapMb} MB; seed ${options.seed}; ` +
      `whole run ${(report.wallMs / 1000).toFixed(0)} s; 1-minute load average ${machine.loadAverage.start} at the start, ${machine.loadAverage.end} at the end ` +
      `(above the core count, other work shared the CPU and the timings are noisy).`,
    "",
  );
  for (const [lane, version] of Object.entries(report.engines))
    out.push(`- ${laneLabel(lane)}: ${version}`);
  out.push("");

  out.push("### Data", "");
  out.push("| rows | CSV | Parquet (zstd) | files |", "|---:|---:|---:|---|");
  for (const d of report.data)
    out.push(
      `| ${rowsLabel(d.size)} | ${(d.csvBytes / 2 ** 20).toFixed(1)} MB | ${(d.parquetBytes / 2 ** 20).toFixed(1)} MB | ${d.csv.length === 1 ? "one CSV, one Parquet" : `${d.csv.length} CSV + ${d.parquet.length} Parquet parts of ${rowsLabel(d.chunkRows)} rows`} |`,
    );
  out.push("");

  out.push(
    "### Timings",
    "",
    "Milliseconds, **min / median** of the runs (queries: after one untimed warm-up run). Ingest = file bytes to a queryable typed table " +
      "(native DuckDB reads the same files from disk; the Chromium lanes have the bytes in the page). Queries run on the table sorted by " +
      "indicator for the DuckDB engines (the app's layout; unsorted figures below). The Chromium lanes are timed by the page's clock.",
    "",
  );
  out.push(
    `| size | question | ${lanes.map(laneLabel).join(" | ")} |`,
    `|---:|---|${lanes.map(() => "---:").join("|")}|`,
  );
  for (const row of report.ratios)
    out.push(
      `| ${rowsLabel(row.size)} | ${questionLabels[row.question]} | ${lanes.map((l) => cell(report, row, l)).join(" | ")} |`,
    );
  out.push("");

  out.push(
    "### Ratios and targets",
    "",
    "From medians. *vs Arquero* = Arquero ms ÷ duckdb-wasm ms (how many times faster; target ≥ 2× for ingest, ≥ 3× for aggregation); " +
      "*vs native, same threads* = duckdb-wasm ms ÷ ms of native DuckDB with the build's thread count (how many times slower; target ≤ 2× " +
      "for ingest and aggregation); *vs native, 2 threads* likewise, without a target; *vs papaparse+JS* = the hand-written loops' ms ÷ " +
      "duckdb-wasm ms, a reference line without a target. Filters have no target. The targets apply to every DuckDB-wasm lane: " +
      "the two builds in Chromium (the app's engine code; single-threaded is what the app runs by default) and the same wasm in Node.",
    "",
    "| size | question | build (threads) | ms | vs Arquero | vs native, same threads | vs native, 2 threads | vs papaparse+JS | targets |",
    "|---:|---|---|---:|---:|---:|---:|---:|---|",
  );
  for (const row of report.ratios)
    for (const w of row.wasm)
      out.push(
        `| ${rowsLabel(row.size)} | ${questionLabels[row.question]} | ${laneLabel(w.lane)} (${w.threads ?? "?"}) | ${ms(w.medianMs)} | ${times(w.vsArquero)} | ${times(w.vsNativeSameThreads)} | ${times(w.vsNative2)} | ${times(w.vsPapaparse)} | ${w.targets.length === 0 ? "— (no target)" : w.targets.map(targetText).join("; ")} |`,
      );
  out.push("");

  const targets = report.ratios.flatMap((r) => r.wasm.flatMap((w) => w.targets));
  const met = targets.filter((t) => t.met === true).length;
  const missed = targets.filter((t) => t.met === false).length;
  out.push(
    `Targets: ${met} met, ${missed} missed, ${targets.length - met - missed} not measurable.`,
    "",
  );

  const lazy = report.results.filter((r) => Object.keys(r.parquetTableTimings).length > 0);
  if (lazy.length > 0) {
    out.push(
      "### Arquero's table from Parquet",
      "",
      "Its table from Parquet decodes the string columns at ingest (apache-arrow's reader: `aq.fromArrow` " +
        "misreads dictionary columns whose record batches carry different dictionaries, see engines/arquero.ts) and " +
        "keeps the numbers as Arrow columns. Median ms of the same queries on its table from CSV (the timings above) " +
        "and from Parquet:",
      "",
      "| size | question | arquero, table from CSV | arquero, table from Parquet |",
      "|---:|---|---:|---:|",
    );
    for (const r of lazy)
      for (const q of queryIds)
        out.push(
          `| ${rowsLabel(r.size)} | ${questionLabels[q]} | ${ms(medianOf(r.timings[q]))} | ${ms(medianOf(r.parquetTableTimings[q]))} |`,
        );
    out.push("");
  }

  out.push(
    "### Layout: unsorted vs sorted by indicator (DuckDB engines)",
    "",
    "Median ms. The unsorted table is in file order (quarter by quarter, every indicator in every row group); " +
      "sorted = `ORDER BY indicator_id, period`, so zone maps on indicator_id skip row groups. Two ways to get the sorted " +
      "table are timed: the CSV straight into it (`CREATE TABLE … AS SELECT * FROM read_csv(…) ORDER BY …`; the sorted " +
      "queries use this table) and a sorted copy of the loaded table (staging table, then `CREATE TABLE … ORDER BY`, both " +
      "held at once). *gain* = unsorted ÷ sorted.",
    "",
    "| size | engine | ingest CSV | ingest CSV sorted | sorted copy | question | unsorted | sorted | gain |",
    "|---:|---|---:|---:|---:|---|---:|---:|---:|",
  );
  for (const size of options.sizes)
    for (const run of report.results.filter((r) => r.size === size && r.sortedIngestTiming)) {
      const lane = keyOf(run);
      const copy = run.sortCopyError ? "out of memory‡" : ms(run.sortTiming?.medianMs ?? null);
      for (const [k, question] of queryIds.entries()) {
        const l = report.layout.find(
          (x) => x.size === size && x.lane === lane && x.question === question,
        );
        out.push(
          k === 0
            ? `| ${rowsLabel(size)} | ${laneLabel(lane)} | ${ms(run.timings["ingest-csv"]?.medianMs ?? null)} | ${ms(run.sortedIngestTiming?.medianMs ?? null)} | ${copy} | ${questionLabels[question]} | ${ms(l?.unsortedMedianMs ?? null)} | ${ms(l?.sortedMedianMs ?? null)} | ${times(l?.speedup ?? null)} |`
            : `| | | | | | ${questionLabels[question]} | ${ms(l?.unsortedMedianMs ?? null)} | ${ms(l?.sortedMedianMs ?? null)} | ${times(l?.speedup ?? null)} |`,
        );
      }
    }
  out.push("");

  out.push(
    "### Memory (each engine in its own process)",
    "",
    "RSS in MB: before the engine starts (Node + tsx + the input file bytes held in memory; native DuckDB " +
      "reads from disk and holds none), after the ingests, and the peak (kernel high-water mark, `maxRSS`; for the " +
      "Chromium lanes the peak of all Chromium processes, sampled every 200 ms).",
    "",
    "| size | engine | threads | start ms | RSS before | RSS after ingest | peak RSS | status |",
    "|---:|---|---:|---:|---:|---:|---:|---|",
  );
  for (const r of report.results)
    out.push(
      `| ${rowsLabel(r.size)} | ${laneLabel(keyOf(r))} | ${r.threads ?? "—"} | ${ms(r.startMs)} | ${r.memory.baselineRssMb || "—"} | ${r.memory.afterIngestRssMb ?? "—"} | ${r.memory.peakRssMb || "—"}${r.memory.peakOf === "Chromium" ? " (Chromium)" : ""} | ${r.status === "ok" ? "ok" : `failed at ${r.failedStep}†`} |`,
    );
  out.push("");

  const copyFailures = report.results.filter((r) => r.sortCopyError);
  if (copyFailures.length > 0) {
    out.push("‡ Sorted copy of the loaded table failed:", "");
    for (const r of copyFailures)
      out.push(
        `- ${rowsLabel(r.size)}, ${laneLabel(keyOf(r))}: ${(r.sortCopyError ?? "").split("\n")[0]}`,
      );
    out.push("");
  }

  const failures = report.results.filter((r) => r.status === "failed");
  if (failures.length > 0) {
    out.push("† Failures:", "");
    for (const r of failures)
      out.push(
        `- ${rowsLabel(r.size)}, ${laneLabel(keyOf(r))}, at ${r.failedStep}: ${(r.error ?? "").split("\n")[0]}`,
      );
    out.push("");
  }
  out.push(
    `Cross-check: ${report.crossCheck.ok ? (report.crossCheck.compared > 0 ? "all engines agree" : "nothing to compare") : "**ENGINES DISAGREE**"} ` +
      `(${report.crossCheck.compared} comparisons: table fingerprints from CSV and from Parquet, every query's rows on every layout; means within a relative 1e-9).`,
  );
  for (const m of report.crossCheck.mismatches) out.push(`- ${m}`);
  return out.join("\n");
}
