/**
 * Issue 8, engine level: DuckDB-wasm against the alternatives on the same generated data and the
 * same questions. Engines: duckdb-wasm (this project's wasm, Node blocking build), Arquero alone,
 * PapaParse + plain loops over typed arrays, and native DuckDB (2 threads) as the ceiling.
 *
 * Each engine runs in its own child process per size (scripts/bench/engines/worker.ts), so one
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
import { type EngineRun, emptyEngineRun, type Timing } from "./engines/measure-engine";
import {
  type Answer,
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

export interface Target {
  /** `vs-js`: best JavaScript ms / duckdb-wasm ms must be at least `goal`; `vs-native`: duckdb-wasm ms / native ms at most `goal`. */
  kind: "vs-js" | "vs-native";
  goal: number;
  ratio: number | null;
  met: boolean | null;
}

export interface RatioRow {
  size: number;
  question: QuestionId;
  kind: QuestionKind;
  /** Medians, ms; queries on the table sorted by indicator for the DuckDB engines (the app's layout). */
  medianMs: Record<EngineId, number | null>;
  minMs: Record<EngineId, number | null>;
  bestJs: { engine: EngineId; ms: number } | null;
  /** How many times faster duckdb-wasm is than the best JavaScript engine (best JS / wasm). */
  wasmVsBestJs: number | null;
  /** How many times slower duckdb-wasm is than native DuckDB (wasm / native). */
  wasmVsNative: number | null;
  targets: Target[];
}

export interface LayoutRow {
  size: number;
  engine: "duckdb-wasm" | "native-duckdb";
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
  };
  options: Required<Omit<AlternativesOptions, "log">>;
  data: BenchFiles[];
  engines: Partial<Record<EngineId, string>>;
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

const targetsByKind: Record<QuestionKind, { vsJs: number | null; vsNative: number | null }> = {
  ingest: { vsJs: 2, vsNative: 2.5 },
  aggregation: { vsJs: 3, vsNative: 2.5 },
  filter: { vsJs: null, vsNative: null },
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

async function runWorker(
  engine: EngineId,
  manifest: string,
  size: number,
  runs: number,
  out: string,
  heapMb: number,
  timeoutMs: number,
): Promise<EngineRun> {
  await rm(out, { force: true });
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--expose-gc",
      `--max-old-space-size=${heapMb}`,
      workerPath,
      "--engine",
      engine,
      "--manifest",
      manifest,
      "--runs",
      String(runs),
      "--out",
      out,
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
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on("close", (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  const partial = existsSync(out)
    ? (JSON.parse(await readFile(out, "utf8")) as EngineRun)
    : emptyRun(engine, size, runs, "the worker wrote no result");
  if (code === 0 && partial.status === "ok") return partial;
  if (partial.status === "ok" || partial.error === null) {
    // It died without recording why: name the step it was on and the reason from stderr.
    partial.status = "failed";
    partial.failedStep ??= partial.currentStep;
    partial.error = timedOut
      ? `timed out after ${Math.round(timeoutMs / 1000)} s`
      : crashReason(stderr, code, signal);
  }
  return partial;
}

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
        if (why) mismatches.push(`${size}, ${run.engine}, table from ${format}: ${why}`);
      }
    for (const q of queryIds) {
      const reference: { engine: EngineId; answer: Answer } | undefined = preferred
        .map((r) => ({ engine: r.engine, answer: r.sortedAnswers[q] ?? r.answers[q] }))
        .find((x): x is { engine: EngineId; answer: Answer } => x.answer !== undefined);
      if (!reference) continue;
      if (reference.answer.rows.length === 0)
        mismatches.push(`${size}, ${q}: ${reference.engine} found no rows (nothing to compare)`);
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
              `${size}, ${q}: ${run.engine} (${layout}) differs from ${reference.engine}: ${why}`,
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

function ratios(runs: readonly EngineRun[], sizes: readonly number[]): RatioRow[] {
  const rows: RatioRow[] = [];
  for (const size of sizes)
    for (const question of [...ingestIds, ...queryIds]) {
      const find = (e: EngineId) => runs.find((r) => r.size === size && r.engine === e);
      const medianMs = Object.fromEntries(
        engineIds.map((e) => [e, medianOf(timingFor(find(e), question))]),
      ) as Record<EngineId, number | null>;
      const minMs = Object.fromEntries(
        engineIds.map((e) => [e, minOf(timingFor(find(e), question))]),
      ) as Record<EngineId, number | null>;
      const js = (["arquero", "papaparse-js"] as const)
        .map((engine) => ({ engine, ms: medianMs[engine] }))
        .filter((x): x is { engine: "arquero" | "papaparse-js"; ms: number } => x.ms !== null)
        .sort((a, b) => a.ms - b.ms);
      const bestJs = js[0] ?? null;
      const wasm = medianMs["duckdb-wasm"];
      const native = medianMs["native-duckdb"];
      const wasmVsBestJs = bestJs && wasm ? bestJs.ms / wasm : null;
      const wasmVsNative = wasm && native ? wasm / native : null;
      const kind = questionKinds[question];
      const goals = targetsByKind[kind];
      const targets: Target[] = [];
      if (goals.vsJs !== null)
        targets.push({
          kind: "vs-js",
          goal: goals.vsJs,
          ratio: wasmVsBestJs,
          met: wasmVsBestJs === null ? null : wasmVsBestJs >= goals.vsJs,
        });
      if (goals.vsNative !== null)
        targets.push({
          kind: "vs-native",
          goal: goals.vsNative,
          ratio: wasmVsNative,
          met: wasmVsNative === null ? null : wasmVsNative <= goals.vsNative,
        });
      rows.push({
        size,
        question,
        kind,
        medianMs,
        minMs,
        bestJs,
        wasmVsBestJs,
        wasmVsNative,
        targets,
      });
    }
  return rows;
}

function layoutRows(runs: readonly EngineRun[], sizes: readonly number[]): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (const size of sizes)
    for (const engine of ["duckdb-wasm", "native-duckdb"] as const) {
      const run = runs.find((r) => r.size === size && r.engine === engine);
      if (!run) continue;
      for (const question of queryIds) {
        const unsorted = medianOf(run.timings[question]);
        const sorted = medianOf(run.sortedTimings[question]);
        rows.push({
          size,
          engine,
          question,
          unsortedMedianMs: unsorted,
          sortedMedianMs: sorted,
          speedup: unsorted !== null && sorted ? unsorted / sorted : null,
        });
      }
    }
  return rows;
}

export async function benchAlternatives(options: AlternativesOptions): Promise<AlternativesReport> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const settings: AlternativesReport["options"] = {
    sizes: options.sizes,
    runs: options.runs,
    workDir: options.workDir,
    smallRuns: options.smallRuns ?? 5,
    seed: options.seed ?? 1,
    engines: options.engines ?? engineIds,
    heapMb: options.heapMb ?? 4096,
    timeoutMs: options.timeoutMs ?? 30 * 60_000,
  };
  await mkdir(settings.workDir, { recursive: true });

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
    for (const engine of settings.engines) {
      const t1 = performance.now();
      const out = join(settings.workDir, `result-${engine}-${size}.json`);
      const run = await runWorker(
        engine,
        manifest,
        size,
        runsHere,
        out,
        settings.heapMb,
        settings.timeoutMs,
      );
      runs.push(run);
      const seconds = ((performance.now() - t1) / 1000).toFixed(1);
      log(
        run.status === "ok"
          ? `  ${engine}: ok in ${seconds} s, peak RSS ${run.memory.peakRssMb} MB`
          : `  ${engine}: FAILED at ${run.failedStep} after ${seconds} s: ${run.error}`,
      );
    }
  }

  const check = crossCheck(runs);
  const engines: AlternativesReport["engines"] = {};
  for (const run of runs) if (run.version) engines[run.engine] = run.version;
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
    },
    options: settings,
    data,
    engines,
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
  x === null ? "—" : `${x < 10 ? x.toFixed(1) : Math.round(x).toString()}×`;
const rowsLabel = (n: number) =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : n.toLocaleString("en-US");

function cell(report: AlternativesReport, row: RatioRow, engine: EngineId): string {
  const median = row.medianMs[engine];
  const run = report.results.find((r) => r.size === row.size && r.engine === engine);
  if (median !== null) {
    // A DuckDB engine that never got its sorted table: say the figure is from the unsorted one.
    const unsorted =
      (engine === "duckdb-wasm" || engine === "native-duckdb") &&
      questionKinds[row.question] !== "ingest" &&
      run?.sortedTimings[row.question as QueryId] === undefined;
    return `${ms(row.minMs[engine])} / ${ms(median)}${unsorted ? " (unsorted)" : ""}`;
  }
  if (!run || !report.options.engines.includes(engine)) return "—";
  if (run.status === "failed") return "failed†";
  return "—";
}

function targetText(t: Target): string {
  const label = t.kind === "vs-js" ? `≥${t.goal}× JS` : `≤${t.goal}× native`;
  if (t.ratio === null || t.met === null) return `${label}: n/a`;
  const diff =
    t.kind === "vs-js"
      ? t.met
        ? `+${(t.ratio - t.goal).toFixed(1)}×`
        : `short by ${(t.goal - t.ratio).toFixed(1)}×`
      : t.met
        ? `${(t.goal - t.ratio).toFixed(1)}× to spare`
        : `over by ${(t.ratio - t.goal).toFixed(1)}×`;
  return `${label}: **${t.met ? "met" : "missed"}** (${diff})`;
}

export function formatAlternativesMarkdown(report: AlternativesReport): string {
  const out: string[] = [];
  const { machine, options } = report;
  out.push("## DuckDB-wasm against the alternatives (same data, same questions)", "");
  out.push(
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; ` +
      `runs per measurement: ${options.smallRuns} below 1M rows, ${options.runs} from 1M; ` +
      `JavaScript heap limit per worker ${options.heapMb} MB; seed ${options.seed}; ` +
      `whole run ${(report.wallMs / 1000).toFixed(0)} s; 1-minute load average ${machine.loadAverage.start} at the start, ${machine.loadAverage.end} at the end.`,
    "",
  );
  for (const [engine, version] of Object.entries(report.engines))
    out.push(`- ${engineLabels[engine as EngineId]}: ${version}`);
  out.push("");

  out.push("### Data", "");
  out.push("| rows | CSV | Parquet (zstd) | files |", "|---:|---:|---:|---|");
  for (const d of report.data)
    out.push(
      `| ${rowsLabel(d.size)} | ${(d.csvBytes / 2 ** 20).toFixed(1)} MB | ${(d.parquetBytes / 2 ** 20).toFixed(1)} MB | ${d.csv.length === 1 ? "one CSV, one Parquet" : `${d.csv.length} CSV + ${d.parquet.length} Parquet parts of ${rowsLabel(d.chunkRows)} rows`} |`,
    );
  out.push("");

  out.push(
    "### Ratio table",
    "",
    "Milliseconds, **min / median** of the runs (queries: after one untimed warm-up run); ratios and targets from medians. Ingest = file bytes to a queryable typed table " +
      "(native DuckDB reads the same files from disk). Queries run on the table sorted by indicator for both DuckDB " +
      "engines (the app's layout; unsorted figures below). *wasm vs best JS* = best JavaScript ms ÷ duckdb-wasm ms " +
      "(above 1: duckdb-wasm is faster); *wasm vs native* = duckdb-wasm ms ÷ native ms (how many times slower).",
    "",
  );
  out.push(
    "| size | question | duckdb-wasm ms | arquero ms | papaparse+JS ms | native ms | wasm vs best JS (×) | wasm vs native (×) | targets |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---|",
  );
  for (const row of report.ratios) {
    const best = row.bestJs ? ` (${engineLabels[row.bestJs.engine]})` : "";
    out.push(
      `| ${rowsLabel(row.size)} | ${questionLabels[row.question]} | ${cell(report, row, "duckdb-wasm")} | ${cell(report, row, "arquero")} | ${cell(report, row, "papaparse-js")} | ${cell(report, row, "native-duckdb")} | ${times(row.wasmVsBestJs)}${row.wasmVsBestJs === null ? "" : best} | ${times(row.wasmVsNative)} | ${row.targets.length === 0 ? "— (no target)" : row.targets.map(targetText).join("; ")} |`,
    );
  }
  out.push("");

  const targets = report.ratios.flatMap((r) => r.targets);
  const met = targets.filter((t) => t.met === true).length;
  const missed = targets.filter((t) => t.met === false).length;
  out.push(
    `Targets: ${met} met, ${missed} missed, ${targets.length - met - missed} not measurable ` +
      "(ingest ≥2× faster than the best JavaScript engine, aggregation ≥3×, both within 2.5× of native).",
    "",
  );

  const lazy = report.results.filter((r) => Object.keys(r.parquetTableTimings).length > 0);
  if (lazy.length > 0) {
    out.push(
      "### Arquero's table from Parquet",
      "",
      "`aq.fromArrow` keeps the Arrow columns and decodes a string each time a query reads it, so with one Parquet file " +
        "its ingest is cheap and the work moves to every query. With several parts (10M rows) `concat` copies every " +
        "column into plain arrays, so the decoding happens in the ingest instead. Median ms of the same queries on its " +
        "table from CSV (the ratio table) and from Parquet:",
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
      "table are timed: the CSV straight into it (`CREATE TABLE … AS SELECT * FROM read_csv(…) ORDER BY …`, the sorted " +
      "column of the *ingest CSV* row; the sorted queries use this table) and a sorted copy of the loaded table " +
      "(what the app does today: staging table, then `CREATE OR REPLACE TABLE … ORDER BY`, both held at once). *gain* = unsorted ÷ sorted.",
    "",
    "| size | question | wasm unsorted | wasm sorted | wasm gain | native unsorted | native sorted | native gain |",
    "|---:|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const size of options.sizes) {
    const run = (engine: "duckdb-wasm" | "native-duckdb") =>
      report.results.find((r) => r.size === size && r.engine === engine);
    const copy = (engine: "duckdb-wasm" | "native-duckdb") => {
      const r = run(engine);
      return r?.sortCopyError ? "out of memory‡" : ms(r?.sortTiming?.medianMs ?? null);
    };
    const ingest = (engine: "duckdb-wasm" | "native-duckdb", sorted: boolean) => {
      const r = run(engine);
      return ms((sorted ? r?.sortedIngestTiming : r?.timings["ingest-csv"])?.medianMs ?? null);
    };
    out.push(
      `| ${rowsLabel(size)} | ingest CSV | ${ingest("duckdb-wasm", false)} | ${ingest("duckdb-wasm", true)} | | ${ingest("native-duckdb", false)} | ${ingest("native-duckdb", true)} | |`,
      `| ${rowsLabel(size)} | sort the loaded table into a copy | — | ${copy("duckdb-wasm")} | | — | ${copy("native-duckdb")} | |`,
    );
    for (const question of queryIds) {
      const w = report.layout.find(
        (l) => l.size === size && l.engine === "duckdb-wasm" && l.question === question,
      );
      const n = report.layout.find(
        (l) => l.size === size && l.engine === "native-duckdb" && l.question === question,
      );
      out.push(
        `| ${rowsLabel(size)} | ${questionLabels[question]} | ${ms(w?.unsortedMedianMs ?? null)} | ${ms(w?.sortedMedianMs ?? null)} | ${times(w?.speedup ?? null)} | ${ms(n?.unsortedMedianMs ?? null)} | ${ms(n?.sortedMedianMs ?? null)} | ${times(n?.speedup ?? null)} |`,
      );
    }
  }
  out.push("");

  out.push(
    "### Memory (each engine in its own process)",
    "",
    "RSS in MB: before the engine starts (Node + tsx + the input file bytes held in memory; native DuckDB " +
      "reads from disk and holds none), after the ingests, and the peak (kernel high-water mark, `maxRSS`).",
    "",
    "| size | engine | start ms | RSS before | RSS after ingest | peak RSS | status |",
    "|---:|---|---:|---:|---:|---:|---|",
  );
  for (const r of report.results)
    out.push(
      `| ${rowsLabel(r.size)} | ${engineLabels[r.engine]} | ${ms(r.startMs)} | ${r.memory.baselineRssMb || "—"} | ${r.memory.afterIngestRssMb ?? "—"} | ${r.memory.peakRssMb || "—"} | ${r.status === "ok" ? "ok" : `failed at ${r.failedStep}†`} |`,
    );
  out.push("");

  const copyFailures = report.results.filter((r) => r.sortCopyError);
  if (copyFailures.length > 0) {
    out.push("‡ Sorted copy of the loaded table failed:", "");
    for (const r of copyFailures)
      out.push(
        `- ${rowsLabel(r.size)}, ${engineLabels[r.engine]}: ${(r.sortCopyError ?? "").split("\n")[0]}`,
      );
    out.push("");
  }

  const failures = report.results.filter((r) => r.status === "failed");
  if (failures.length > 0) {
    out.push("† Failures:", "");
    for (const r of failures)
      out.push(
        `- ${rowsLabel(r.size)}, ${engineLabels[r.engine]}, at ${r.failedStep}: ${(r.error ?? "").split("\n")[0]}`,
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
