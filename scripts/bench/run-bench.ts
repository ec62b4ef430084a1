/**
 * `npm run bench`: the performance report of issue 8, against the production build (dist/) in
 * Debian's headless Chromium, plus the engine-level comparison with the alternatives.
 *
 *   npm run bench [-- --runs 3] [-- --quick]
 *     --runs N     runs per browser measurement (default 3)
 *     --quick      smaller: ingest and interaction on 100,000 rows, alternatives on 100,000 and
 *                  1,000,000, one run each (to try the benchmark, not to quote it)
 *     --work-dir   generated files (kept and reused); default $TMPDIR/gcm-bench
 *
 * Writes tests/artifacts/bench-report.json and bench-report.md and prints the Markdown.
 * Targets are checked here, never in timed tests; a missed target is reported with its amount.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { launchChromium } from "../../tests/helpers/chromium";
import { generateObservationsCsv } from "../lib/generate-observations";
import { startStaticServer } from "../lib/static-server";
import {
  type AlternativesReport,
  benchAlternatives,
  formatAlternativesMarkdown,
} from "./alternatives";
import { writeRangedDataset } from "./generate-published";
import { type IngestRun, measureIngestRun } from "./ingest";
import { type InteractionResult, measureInteraction } from "./interaction";
import { measureNavigation, type NavigationRun } from "./navigation";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    quick: { type: "boolean", default: false },
    "work-dir": { type: "string", default: join(tmpdir(), "gcm-bench") },
  },
});
const quick = values.quick === true;
const runs = quick ? 1 : Math.max(1, Number(values.runs) || 3);
const workDir = values["work-dir"] ?? join(tmpdir(), "gcm-bench");
const ingestSizes = quick ? [100_000] : [100_000, 1_000_000];
const interactionSizes = quick ? [100_000] : [1_000_000, 10_000_000];
const alternativeSizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000];
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Stats {
  min: number | null;
  median: number | null;
  n: number;
}
function stats(values: readonly (number | null)[]): Stats {
  const v = values
    .filter((x): x is number => x !== null && Number.isFinite(x))
    .sort((a, b) => a - b);
  if (v.length === 0) return { min: null, median: null, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? (v[mid] ?? null) : ((v[mid - 1] ?? 0) + (v[mid] ?? 0)) / 2;
  const first = v[0];
  return {
    min: first === undefined ? null : Math.round(first),
    median: median === null ? null : Math.round(median),
    n: v.length,
  };
}

// ---- bytes shipped -------------------------------------------------------------------------

interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}
async function compressedSizes(path: string): Promise<Bytes> {
  const raw = await readFile(path);
  const sibling = async (ext: string) =>
    existsSync(`${path}.${ext}`) ? (await stat(`${path}.${ext}`)).size : null;
  return {
    raw: raw.byteLength,
    gzip: (await sibling("gz")) ?? gzipSync(raw, { level: 9 }).byteLength,
    brotli:
      (await sibling("br")) ??
      brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).byteLength,
  };
}
const add = (a: Bytes, b: Bytes): Bytes => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const zero: Bytes = { raw: 0, gzip: 0, brotli: 0 };

async function measureBytes() {
  const html = await readFile("dist/index.html", "utf8");
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] ?? "",
  );
  let initialJs = zero;
  for (const f of initial) initialJs = add(initialJs, await compressedSizes(join("dist", f)));
  let allJs = zero;
  let allWasm = zero;
  const wasm: Record<string, Bytes> = {};
  for (const f of await readdir("dist/assets")) {
    const path = join("dist/assets", f);
    if (f.endsWith(".js")) allJs = add(allJs, await compressedSizes(path));
    if (f.endsWith(".wasm")) {
      wasm[f] = await compressedSizes(path);
      allWasm = add(allWasm, wasm[f]);
    }
  }
  return { initialJsFiles: initial, initialJs, allJs, allWasm, wasm };
}

// ---- files for ingest ----------------------------------------------------------------------

async function ingestFiles(rows: number, run: number) {
  await mkdir(workDir, { recursive: true });
  const seed = rows + run;
  const csv = join(workDir, `ingest-${rows}-seed${seed}.csv`);
  const parquet = join(workDir, `ingest-${rows}-seed${seed}.parquet`);
  if (!existsSync(csv)) await writeFile(csv, generateObservationsCsv(rows, seed));
  if (!existsSync(parquet)) {
    // The same rows as Parquet with a numeric value column, as a statistics system would export.
    const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * REPLACE (CAST(value AS DOUBLE) AS value) FROM read_csv('${csv}', all_varchar = true, header = true)) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    connection.closeSync();
    instance.closeSync();
  }
  return { csv, parquet, seed };
}

// ---- targets -------------------------------------------------------------------------------

interface TargetCheck {
  target: string;
  goal: string;
  measured: string;
  met: boolean | null;
  /** How far off, when missed (e.g. "+2.1 s", "1.4× slower than required"). */
  miss: string | null;
}
function under(target: string, goalMs: number, measured: number | null, unit = "ms"): TargetCheck {
  return {
    target,
    goal: `≤ ${goalMs} ${unit}`,
    measured: measured === null ? "not measured" : `${measured} ${unit}`,
    met: measured === null ? null : measured <= goalMs,
    miss:
      measured === null || measured <= goalMs
        ? null
        : `+${measured - goalMs} ${unit} (${(measured / goalMs).toFixed(1)}× the goal)`,
  };
}

function ratioTargets(alternatives: AlternativesReport | null): TargetCheck[] {
  if (!alternatives) return [];
  const out: TargetCheck[] = [];
  for (const row of alternatives.ratios) {
    if (row.size !== 1_000_000) continue;
    for (const t of row.targets) {
      const label =
        t.kind === "vs-js"
          ? `${row.question} (1M rows): duckdb-wasm vs fastest plain JS`
          : `${row.question} (1M rows): duckdb-wasm vs native DuckDB`;
      const goal = t.kind === "vs-js" ? `≥ ${t.goal}× faster` : `≤ ${t.goal}× slower`;
      const measured =
        t.ratio === null
          ? "not measured"
          : `${t.ratio.toFixed(2)}× ${t.kind === "vs-js" ? "faster" : "slower"}`;
      let miss: string | null = null;
      if (t.met === false && t.ratio !== null)
        miss =
          t.kind === "vs-js"
            ? `needs ${(t.goal / t.ratio).toFixed(2)}× more speed`
            : `${(t.ratio / t.goal).toFixed(2)}× over the limit`;
      out.push({ target: label, goal, measured, met: t.met, miss });
    }
  }
  return out;
}

function summariseIngest(ingest: readonly IngestRun[], format: IngestRun["format"], rows: number) {
  const of = ingest.filter((r) => r.format === format && r.rows === rows);
  return {
    format,
    rows,
    runs: of.length,
    failed: of.filter((r) => r.failure).length,
    validateMs: stats(of.map((r) => r.validateMs)),
    acceptMs: stats(of.map((r) => r.acceptMs)),
    totalMs: stats(
      of.map((r) =>
        r.validateMs === null || r.acceptMs === null ? null : r.validateMs + r.acceptMs,
      ),
    ),
    maxFrameGapMs: stats(
      of.map((r) => Math.max(r.maxFrameGapValidateMs ?? 0, r.maxFrameGapAcceptMs ?? 0)),
    ),
    heapMb: stats(of.map((r) => r.heapMb.afterAccept)),
  };
}
type IngestSummary = ReturnType<typeof summariseIngest>;

// ---- main ----------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build`.");
  const chromium = await (async () => {
    const b = await launchChromium();
    const version = b.context.browser()?.version() ?? "Debian Chromium";
    await b.close();
    return version;
  })();

  log("bytes shipped…");
  const bytes = await measureBytes();

  log(`navigation (${runs} fresh profiles, each then warm)…`);
  const server = await startStaticServer({ root: "dist" });
  let navigation: NavigationRun[] = [];
  const ingest: IngestRun[] = [];
  try {
    navigation = await measureNavigation(server.url, runs);
    for (const rows of ingestSizes)
      for (let run = 1; run <= runs; run++) {
        const files = await ingestFiles(rows, run);
        for (const path of [files.csv, files.parquet]) {
          log(`ingest ${path} (run ${run})…`);
          const r = await measureIngestRun(server.url, path, rows, run, files.seed, 15 * 60_000);
          ingest.push(r);
          log(
            r.failure
              ? `  failed at ${r.failure.stage}: ${r.failure.message}`
              : `  validate ${r.validateMs} ms, accept ${r.acceptMs} ms`,
          );
        }
      }
  } finally {
    await server.close();
  }

  const interaction: InteractionResult[] = [];
  for (const rows of interactionSizes) {
    const dir = join(workDir, `published-${rows}`);
    await mkdir(dir, { recursive: true });
    const files = await writeRangedDataset(dir, rows);
    log(`interaction on ${rows} published rows…`);
    interaction.push(await measureInteraction(files, rows, log));
  }

  log(`alternatives (${alternativeSizes.join(", ")} rows)…`);
  let alternatives: AlternativesReport | null = null;
  let alternativesError: string | null = null;
  try {
    alternatives = await benchAlternatives({
      sizes: alternativeSizes,
      runs: quick ? 1 : 3,
      smallRuns: quick ? 1 : 5,
      workDir: join(workDir, "alternatives"),
      log,
    });
  } catch (error) {
    const attached = (error as { report?: AlternativesReport }).report;
    alternatives = attached ?? null;
    alternativesError = error instanceof Error ? error.message : String(error);
  }

  const nav = (cache: "fresh" | "warm", key: "firstChartMs" | "engineReadyMs") =>
    stats(navigation.filter((n) => n.cache === cache).map((n) => n[key]));
  const phase = (cache: "fresh" | "warm", key: keyof NavigationRun["phases"]) =>
    stats(navigation.filter((n) => n.cache === cache).map((n) => n.phases[key]));
  const phases = (cache: "fresh" | "warm") => ({
    engineStarted: phase(cache, "engineStarted"),
    publishedLoaded: phase(cache, "publishedLoaded"),
    restored: phase(cache, "restored"),
  });
  const ingestSummary = ingestSizes.flatMap((rows) => [
    summariseIngest(ingest, "csv", rows),
    summariseIngest(ingest, "parquet", rows),
  ]);
  const interactionSummary = interaction.map((i) => ({
    rows: i.rows,
    loadMs: i.loadMs,
    openIndicatorMs: stats(i.openIndicatorMs),
    breakdownMs: stats(i.breakdownMs),
    peakRssMb: i.peakRssMb,
    failure: i.failure,
  }));
  const oneMillion = interactionSummary.find((i) => i.rows === 1_000_000);
  const csvMillion = ingestSummary.find((i) => i.format === "csv" && i.rows === 1_000_000);

  const targets: TargetCheck[] = [
    under(
      "first overview chart, fresh profile (median)",
      1500,
      nav("fresh", "firstChartMs").median,
    ),
    under("engine ready, fresh profile (median)", 3000, nav("fresh", "engineReadyMs").median),
    under("engine ready, warm cache (median)", 2000, nav("warm", "engineReadyMs").median),
    under(
      "disaggregation change on 1,000,000 observations (median)",
      100,
      oneMillion?.breakdownMs.median ?? null,
    ),
    under(
      "1,000,000-row CSV validated and accepted (median)",
      3000,
      csvMillion?.totalMs.median ?? null,
    ),
    under("initial JavaScript, gzip", 300, Math.round(bytes.initialJs.gzip / 1024), "KB"),
    ...ratioTargets(alternatives),
  ];

  const report = {
    generatedAt: new Date().toISOString(),
    wallMs: Math.round(performance.now() - started),
    chromium,
    node: process.version,
    quick,
    runs,
    targets,
    bytes,
    navigation: {
      fresh: {
        firstChartMs: nav("fresh", "firstChartMs"),
        engineReadyMs: nav("fresh", "engineReadyMs"),
        phases: phases("fresh"),
      },
      warm: {
        firstChartMs: nav("warm", "firstChartMs"),
        engineReadyMs: nav("warm", "engineReadyMs"),
        phases: phases("warm"),
      },
      drawnFrom: [...new Set(navigation.map((n) => n.drawnFrom))],
      foreignRequests: navigation.flatMap((n) => n.foreignRequests),
      runs: navigation,
    },
    ingest: { summary: ingestSummary, runs: ingest },
    interaction: interactionSummary,
    alternatives,
    alternativesError,
  };
  const markdown = formatReport(report, alternatives);
  await mkdir("tests/artifacts", { recursive: true });
  await writeFile("tests/artifacts/bench-report.json", `${JSON.stringify(report, null, 2)}\n`);
  await writeFile("tests/artifacts/bench-report.md", markdown);
  process.stdout.write(`${markdown}\nwrote tests/artifacts/bench-report.{json,md}\n`);
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en-US")} KB`;
const ms = (s: Stats) => (s.median === null ? "—" : `${s.min} / ${s.median}`);

function formatReport(
  r: {
    generatedAt: string;
    wallMs: number;
    chromium: string;
    node: string;
    runs: number;
    quick: boolean;
    targets: TargetCheck[];
    bytes: Awaited<ReturnType<typeof measureBytes>>;
    navigation: {
      fresh: { firstChartMs: Stats; engineReadyMs: Stats; phases: Record<string, Stats> };
      warm: { firstChartMs: Stats; engineReadyMs: Stats; phases: Record<string, Stats> };
      drawnFrom: string[];
      foreignRequests: string[];
    };
    ingest: { summary: IngestSummary[] };
    interaction: {
      rows: number;
      loadMs: number | null;
      openIndicatorMs: Stats;
      breakdownMs: Stats;
      peakRssMb: number;
      failure: string | null;
    }[];
    alternativesError: string | null;
  },
  alternatives: AlternativesReport | null,
): string {
  const out: string[] = [];
  out.push(
    "# GCM Monitor performance report",
    "",
    `${r.generatedAt}; Chromium ${r.chromium}, Node ${r.node}; ${r.runs} run(s) per browser measurement${r.quick ? " (quick mode: not for quoting)" : ""}; took ${Math.round(r.wallMs / 1000)} s. Times are min / median in ms.`,
    "",
    "## Targets",
    "",
    "| target | goal | measured | met | missed by |",
    "|---|---|---|---|---|",
  );
  for (const t of r.targets)
    out.push(
      `| ${t.target} | ${t.goal} | ${t.measured} | ${t.met === null ? "—" : t.met ? "yes" : "**no**"} | ${t.miss ?? ""} |`,
    );
  out.push(
    "",
    "## Navigation to the overview",
    "",
    "| cache | first chart drawn | DuckDB-wasm started | published data loaded | submissions restored | engine ready |",
    "|---|---|---|---|---|---|",
    ...(["fresh", "warm"] as const).map((cache) => {
      const n = r.navigation[cache];
      return `| ${cache === "fresh" ? "fresh profile" : "warm cache"} | ${ms(n.firstChartMs)} | ${ms(n.phases.engineStarted ?? stats([]))} | ${ms(n.phases.publishedLoaded ?? stats([]))} | ${ms(n.phases.restored ?? stats([]))} | ${ms(n.engineReadyMs)} |`;
    }),
    "",
    `First chart drawn from: ${r.navigation.drawnFrom.join(", ")} (the build-time or last-session snapshot, labelled on screen until the engine answers). Requests to other origins: ${r.navigation.foreignRequests.length}.`,
    "",
    "## Ingest through the Data page (decode + validate, then accept)",
    "",
    "| file | rows | runs ok | validate | accept | total | longest frame gap | JS heap after, MB |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const i of r.ingest.summary)
    out.push(
      `| ${i.format} | ${i.rows.toLocaleString("en-US")} | ${i.runs - i.failed}/${i.runs} | ${ms(i.validateMs)} | ${ms(i.acceptMs)} | ${ms(i.totalMs)} | ${ms(i.maxFrameGapMs)} | ${i.heapMb.median ?? "—"} |`,
    );
  out.push(
    "",
    "## Dashboard on large published data",
    "",
    "Published in the ranged layout (as the build publishes more than 500,000 rows): the overview opens from the headline rows; opening an indicator reads its row groups by HTTP range, then queries.",
    "",
    "| observations | load to engine ready | open an indicator (range read + query + chart) | change disaggregation (input → chart drawn) | peak Chromium RSS, MB | failure |",
    "|---|---|---|---|---|---|",
  );
  for (const i of r.interaction)
    out.push(
      `| ${i.rows.toLocaleString("en-US")} | ${i.loadMs ?? "—"} | ${ms(i.openIndicatorMs)} | ${ms(i.breakdownMs)} (n=${i.breakdownMs.n}) | ${i.peakRssMb} | ${i.failure ?? ""} |`,
    );
  const b = r.bytes;
  out.push(
    "",
    "## Bytes shipped",
    "",
    "| what | raw | gzip | brotli |",
    "|---|---|---|---|",
    `| initial JS (${b.initialJsFiles.length} files) | ${kb(b.initialJs.raw)} | ${kb(b.initialJs.gzip)} | ${kb(b.initialJs.brotli)} |`,
    `| all JS (lazy chunks and workers included) | ${kb(b.allJs.raw)} | ${kb(b.allJs.gzip)} | ${kb(b.allJs.brotli)} |`,
    ...Object.entries(b.wasm).map(
      ([f, s]) => `| ${f} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`,
    ),
    "",
    "Chromium fetches one DuckDB wasm (eh) and the Parquet wasm; the mvp wasm is for browsers without exception handling.",
    "",
  );
  if (alternatives) out.push(formatAlternativesMarkdown(alternatives), "");
  if (r.alternativesError) out.push(`Alternatives: ${r.alternativesError}`, "");
  return `${out.join("\n")}\n`;
}

await main();
