/**
 * Measures one engine on one size, in the current process: every ingest and query `runs` times
 * (min and median), the sort by indicator for the DuckDB engines, the answers for the
 * cross-check, and the process's memory. Called by worker.ts in a child process.
 */
import type { BenchEngine, Layout } from "./engine";
import {
  type Answer,
  type EngineId,
  type IngestId,
  type QueryId,
  queryIds,
  type TableFingerprint,
} from "./questions";

export interface Timing {
  runsMs: number[];
  minMs: number;
  medianMs: number;
}

export interface EngineMemory {
  /** After reading the input files into memory, before the engine starts. */
  baselineRssMb: number;
  /** After the last ingest (the table the queries use is loaded). */
  afterIngestRssMb: number | null;
  /** Largest process.memoryUsage().rss seen: sampled every 50 ms and after every run. */
  sampledPeakRssMb: number;
  /**
   * The kernel's high-water mark (process.resourceUsage().maxRSS): the true peak. For the engines
   * in Chromium, the peak of all Chromium's processes instead (sampled every 200 ms).
   */
  peakRssMb: number;
  /** Where peakRssMb was measured. */
  peakOf: "this process" | "Chromium";
}

export interface EngineRun {
  engine: EngineId;
  /** DuckDB's `threads` setting as the engine reported it; null for the JavaScript engines. */
  threads: number | null;
  size: number;
  runs: number;
  status: "ok" | "failed";
  /** The step under way (written before it starts, so a crash still names it). */
  currentStep: string;
  /** The step that failed (e.g. `ingest-csv`) and why. */
  failedStep: string | null;
  error: string | null;
  version: string | null;
  /** Starting the engine (DuckDB-wasm: compile and instantiate the wasm); not in any question. */
  startMs: number | null;
  /** Ingests, and the queries on the unsorted table (the only layout of the JavaScript engines). */
  timings: Partial<Record<IngestId | QueryId, Timing>>;
  /** DuckDB only: CREATE TABLE obs_sorted AS SELECT * FROM obs ORDER BY indicator_id, period. */
  sortTiming: Timing | null;
  /** Why that copy failed (duckdb-wasm runs out of its memory with both tables at 10M rows). */
  sortCopyError: string | null;
  /** DuckDB only: the CSV straight into the sorted table, one statement (the table the sorted queries use). */
  sortedIngestTiming: Timing | null;
  /** DuckDB only: the queries on the sorted table. */
  sortedTimings: Partial<Record<QueryId, Timing>>;
  /** Engines whose table from Parquet is lazy (Arquero): the queries on that table. */
  parquetTableTimings: Partial<Record<QueryId, Timing>>;
  fingerprints: { csv?: TableFingerprint; parquet?: TableFingerprint };
  answers: Partial<Record<QueryId, Answer>>;
  sortedAnswers: Partial<Record<QueryId, Answer>>;
  parquetTableAnswers: Partial<Record<QueryId, Answer>>;
  memory: EngineMemory;
  wallMs: number;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

export function timing(runsMs: number[]): Timing {
  const sorted = [...runsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { runsMs: runsMs.map(round), minMs: round(sorted[0] ?? 0), medianMs: round(median) };
}

/** Collects garbage between runs when Node runs with --expose-gc, so runs do not pay for each other. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

export class MemoryProbe {
  peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 50);
  constructor() {
    this.timer.unref();
  }
  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
    return rss;
  }
  stop() {
    clearInterval(this.timer);
  }
}

/** A run with nothing measured yet: the start of a measurement, or what a crashed worker left. */
export function emptyEngineRun(
  engine: EngineId,
  size: number,
  runs: number,
  baselineRssMb: number,
): EngineRun {
  return {
    engine,
    threads: null,
    size,
    runs,
    status: "ok",
    currentStep: "start",
    failedStep: null,
    error: null,
    version: null,
    startMs: null,
    timings: {},
    sortTiming: null,
    sortCopyError: null,
    sortedIngestTiming: null,
    sortedTimings: {},
    fingerprints: {},
    answers: {},
    sortedAnswers: {},
    parquetTableTimings: {},
    parquetTableAnswers: {},
    memory: {
      baselineRssMb,
      afterIngestRssMb: null,
      sampledPeakRssMb: 0,
      peakRssMb: 0,
      peakOf: "this process",
    },
    wallMs: 0,
  };
}

export async function measureEngine(options: {
  engine: () => Promise<BenchEngine>;
  engineId: EngineId;
  size: number;
  runs: number;
  probe: MemoryProbe;
  /** Called after every step with the result so far (the worker writes it to disk). */
  onProgress: (run: EngineRun) => void;
}): Promise<EngineRun> {
  const { runs, probe } = options;
  const started = performance.now();
  const result = emptyEngineRun(options.engineId, options.size, runs, mb(probe.sample()));
  let engine: BenchEngine | undefined;
  const progress = () => {
    probe.sample();
    result.memory.sampledPeakRssMb = mb(probe.peak);
    const elsewhere = engine?.peakRssMb?.();
    result.memory.peakRssMb = elsewhere ?? Math.round(process.resourceUsage().maxRSS / 1024);
    result.memory.peakOf = elsewhere === undefined ? "this process" : "Chromium";
    result.wallMs = Math.round(performance.now() - started);
    options.onProgress(result);
  };

  let step = "start";
  const begin = (name: string) => {
    step = name;
    result.currentStep = name;
    options.onProgress(result);
  };
  const repeat = async (before: () => Promise<void>, body: () => Promise<void>) => {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      await before();
      collect();
      const t0 = performance.now();
      await body();
      const elapsed = performance.now() - t0;
      times.push(engine?.lastDurationMs?.() ?? elapsed);
      probe.sample();
    }
    return timing(times);
  };

  try {
    const t0 = performance.now();
    engine = await options.engine();
    result.startMs = Math.round(engine.startMs ?? performance.now() - t0);
    result.threads = engine.threads ?? null;
    result.version = await engine.version();
    progress();
    const e = engine;

    const ask = async (
      layout: Layout,
      label: string,
      timings: Partial<Record<QueryId, Timing>>,
      answers: Partial<Record<QueryId, Answer>>,
    ) => {
      for (const q of queryIds) {
        begin(`${q} (${label})`);
        // One untimed run first, so the first layout measured does not also pay the warm-up.
        await e.query(q, layout);
        let answer: Answer | undefined;
        timings[q] = await repeat(
          async () => {},
          async () => {
            answer = await e.query(q, layout);
          },
        );
        if (answer) answers[q] = answer;
        progress();
      }
    };

    // Parquet first, so the table the queries use comes from the CSV (the common path).
    for (const [id, ingest, format] of [
      ["ingest-parquet", () => e.ingestParquet(), "parquet"],
      ["ingest-csv", () => e.ingestCsv(), "csv"],
    ] as const) {
      begin(id);
      result.timings[id] = await repeat(() => e.release(), ingest);
      result.fingerprints[format] = await e.fingerprint();
      progress();
      if (format === "parquet" && e.lazyParquet)
        await ask(
          "unsorted",
          "table from Parquet",
          result.parquetTableTimings,
          result.parquetTableAnswers,
        );
    }
    result.memory.afterIngestRssMb = mb(probe.sample());
    await ask("unsorted", "unsorted", result.timings, result.answers);

    if (e.sorted) {
      const sorted = e.sorted;
      begin("sort-copy");
      try {
        result.sortTiming = await repeat(
          () => sorted.drop(),
          () => sorted.copy(),
        );
      } catch (error) {
        result.sortCopyError = error instanceof Error ? error.message : String(error);
        await sorted.drop().catch(() => {});
      }
      progress();
      begin("ingest-csv-sorted");
      result.sortedIngestTiming = await repeat(
        () => e.release(),
        () => sorted.ingestCsv(),
      );
      progress();
      await ask("sorted", "sorted", result.sortedTimings, result.sortedAnswers);
    }
  } catch (error) {
    result.status = "failed";
    result.failedStep = step;
    result.error = error instanceof Error ? error.message : String(error);
  }
  try {
    await engine?.close();
  } catch {
    // Closing after a failure may fail too; the failure is already recorded.
  }
  progress();
  return result;
}
