/**
 * Generated long-format observations for the engine benchmark (scripts/bench/alternatives.ts).
 *
 * Unlike scripts/lib/generate-observations.ts this data need not be valid against the catalog, so
 * it can reach any size; it keeps the app's columns and realistic cardinalities instead:
 * 90 indicators, 32 quarters (2018-Q1 … 2025-Q4, 8 years), and the six disaggregation columns,
 * each blank for "total": sex (2 codes), age_group (5), geography (18 Honduran departments),
 * disability (2), population_group (4), migration_status (3).
 *
 * Rows come period by period, and within a period indicator by indicator (the way quarterly
 * submissions arrive), so an unsorted table spreads every indicator over every row group.
 * Each (indicator, period) cell first gets its total row, then every single-dimension breakdown
 * (so the overview and the breakdown questions always find their rows), then two-dimension
 * crossings and so on until the size is reached. About 1 % of values are missing (blank).
 *
 * Deterministic: the same size and seed always give the same rows, the same CSV text and the
 * same Parquet content.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import { arrowIpcToParquet } from "../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";
import { seededRandom } from "../../src/lib/seeded-random";

/** Bump when the rows a seed produces change, so cached files in a work folder are rebuilt. */
export const generatorVersion = 1;

export const dimensionColumns = [
  "sex",
  "age_group",
  "geography",
  "disability",
  "population_group",
  "migration_status",
] as const;
export type DimensionColumn = (typeof dimensionColumns)[number];

/** Column order of the CSV and Parquet files. */
export const benchColumns = ["indicator_id", "period", "value", ...dimensionColumns] as const;
export const textColumns = ["indicator_id", "period", ...dimensionColumns] as const;
export type TextColumn = (typeof textColumns)[number];

const themes = ["remittances", "return", "detention", "trafficking", "missing", "labour"];
/** `gcm-trafficking-017`: about as long as the catalog's ids. */
export const indicatorIds: readonly string[] = Array.from(
  { length: 90 },
  (_, i) => `gcm-${themes[i % themes.length]}-${String(i + 1).padStart(3, "0")}`,
);
export const firstYear = 2018;
export const periods: readonly string[] = Array.from(
  { length: 32 },
  (_, i) => `${firstYear + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
);
export const dimensionCodes: Record<DimensionColumn, readonly string[]> = {
  sex: ["female", "male"],
  age_group: ["0-5", "6-11", "12-17", "18-59", "60+"],
  geography: [
    "HN-AT",
    "HN-CH",
    "HN-CL",
    "HN-CM",
    "HN-CP",
    "HN-CR",
    "HN-EP",
    "HN-FM",
    "HN-GD",
    "HN-IB",
    "HN-IN",
    "HN-LE",
    "HN-LP",
    "HN-OC",
    "HN-OL",
    "HN-SB",
    "HN-VA",
    "HN-YO",
  ],
  disability: ["with_disability", "without_disability"],
  population_group: ["unaccompanied", "accompanied", "lgbti", "gbv_survivor"],
  migration_status: ["returned", "in_transit", "deported"],
};

/** A combination of dimension codes: index into dimensionCodes[d], or -1 for the total. */
type Combo = Int8Array;

/** Every combination, fewest broken-down dimensions first (total, then single dimensions, …). */
function allCombos(): Combo[] {
  const out: Combo[] = [];
  const n = dimensionColumns.length;
  const subsets = (k: number, start: number, chosen: number[]) => {
    if (chosen.length === k) {
      let partial: number[][] = [Array(n).fill(-1)];
      for (const d of chosen) {
        const codes = dimensionCodes[dimensionColumns[d] as DimensionColumn].length;
        partial = partial.flatMap((c) =>
          Array.from({ length: codes }, (_, code) => c.map((v, i) => (i === d ? code : v))),
        );
      }
      for (const c of partial) out.push(Int8Array.from(c));
      return;
    }
    for (let d = start; d < n; d++) subsets(k, d + 1, [...chosen, d]);
  };
  for (let k = 0; k <= n; k++) subsets(k, 0, []);
  return out;
}

/**
 * One chunk of rows in columnar form. Text columns are codes into `dictionaries[column]`
 * (-1 = blank); `value` is NaN where blank.
 */
export interface BenchChunk {
  rows: number;
  codes: Record<TextColumn, Int16Array>;
  value: Float64Array;
}

export const dictionaries: Record<TextColumn, readonly string[]> = {
  indicator_id: indicatorIds,
  period: periods,
  ...dimensionCodes,
};

export const cells = indicatorIds.length * periods.length;
const combos = allCombos();
export const maxRows = cells * combos.length;

/** Rows in chunks of at most `chunkRows`, in file order. */
export function* generateBenchChunks(
  size: number,
  seed: number,
  chunkRows = 1_000_000,
): Generator<BenchChunk> {
  if (!Number.isInteger(size) || size < cells)
    throw new Error(`size must be an integer of at least ${cells} (one row per indicator-quarter)`);
  if (size > maxRows) throw new Error(`size must be at most ${maxRows}`);
  const random = seededRandom(seed);
  // Level and yearly growth per indicator; a share per dimension code (before the noise).
  const level = indicatorIds.map(() => Math.exp(Math.log(100) + random() * Math.log(1000)));
  const growth = indicatorIds.map(() => -0.1 + 0.2 * random());
  const share = Object.fromEntries(
    dimensionColumns.map((d) => {
      const raw = dimensionCodes[d].map(() => 0.6 + 0.8 * random());
      const sum = raw.reduce((a, b) => a + b, 0);
      return [d, raw.map((r) => r / sum)];
    }),
  ) as Record<DimensionColumn, number[]>;

  const perCell = Math.floor(size / cells);
  const longer = size % cells;
  let chunk = newChunk(Math.min(chunkRows, size));
  let at = 0;
  let emitted = 0;
  for (let p = 0; p < periods.length; p++) {
    for (let i = 0; i < indicatorIds.length; i++) {
      const cell = p * indicatorIds.length + i;
      const rows = perCell + (cell < longer ? 1 : 0);
      const trend = (1 + (growth[i] ?? 0)) ** (p / 4) * (level[i] ?? 1);
      for (let j = 0; j < rows; j++) {
        const combo = combos[j] as Combo;
        chunk.codes.indicator_id[at] = i;
        chunk.codes.period[at] = p;
        let part = trend;
        for (let d = 0; d < dimensionColumns.length; d++) {
          const column = dimensionColumns[d] as DimensionColumn;
          const code = combo[d] as number;
          chunk.codes[column][at] = code;
          if (code >= 0) part *= share[column][code] ?? 1;
        }
        const noise = 0.95 + 0.1 * random();
        chunk.value[at] = random() < 0.01 ? Number.NaN : Math.round(part * noise * 10) / 10;
        at++;
        if (at === chunk.rows) {
          yield chunk;
          emitted += at;
          at = 0;
          if (emitted < size) chunk = newChunk(Math.min(chunkRows, size - emitted));
        }
      }
    }
  }
}

function newChunk(rows: number): BenchChunk {
  return {
    rows,
    codes: Object.fromEntries(textColumns.map((c) => [c, new Int16Array(rows)])) as Record<
      TextColumn,
      Int16Array
    >,
    value: new Float64Array(rows),
  };
}

const text = (column: TextColumn, code: number): string | null =>
  code < 0 ? null : (dictionaries[column][code] ?? null);

/** CSV text with a header line; blank fields are totals or missing values. */
export function chunkToCsv(chunk: BenchChunk): string {
  const parts: string[] = [`${benchColumns.join(",")}\n`];
  const lines: string[] = [];
  const { codes, value } = chunk;
  for (let r = 0; r < chunk.rows; r++) {
    const v = value[r] as number;
    let line = `${text("indicator_id", codes.indicator_id[r] as number)},${text("period", codes.period[r] as number)},${Number.isNaN(v) ? "" : v}`;
    for (const d of dimensionColumns) line += `,${text(d, codes[d][r] as number) ?? ""}`;
    lines.push(line);
    if (lines.length === 65_536) {
      parts.push(`${lines.join("\n")}\n`);
      lines.length = 0;
    }
  }
  if (lines.length > 0) parts.push(`${lines.join("\n")}\n`);
  return parts.join("");
}

/** Parquet (Zstandard, plain UTF-8 and DOUBLE columns, as the app publishes it). */
export function chunkToParquet(chunk: BenchChunk): Uint8Array {
  const column = (c: TextColumn) => ({
    kind: "text" as const,
    values: Array.from(chunk.codes[c], (code) => text(c, code)),
  });
  const ipc = columnsToIpc(arrow, {
    indicator_id: column("indicator_id"),
    period: column("period"),
    value: {
      kind: "number",
      values: Array.from(chunk.value, (v) => (Number.isNaN(v) ? null : v)),
    },
    ...Object.fromEntries(dimensionColumns.map((d) => [d, column(d)])),
  });
  return arrowIpcToParquet(nodeParquet, ipc);
}

export interface BenchFiles {
  generatorVersion: number;
  size: number;
  seed: number;
  /** One file per chunk of at most `chunkRows` rows (a single file up to that size). */
  chunkRows: number;
  csv: string[];
  parquet: string[];
  csvBytes: number;
  parquetBytes: number;
  generateMs: number;
}

/**
 * Writes (or reuses, when the manifest matches) the CSV and Parquet files of one size to
 * `workDir`: `observations-<size>-seed<seed>.csv` / `.parquet`, or `-partNN` files beyond
 * `chunkRows` rows (a single CSV of 10 million rows is about 600 MB, above V8's string limit).
 */
export async function ensureBenchData(
  workDir: string,
  size: number,
  seed: number,
  chunkRows = 1_000_000,
): Promise<BenchFiles> {
  await mkdir(workDir, { recursive: true });
  const base = `observations-${size}-seed${seed}`;
  const manifestPath = join(workDir, `${base}.json`);
  if (existsSync(manifestPath)) {
    const cached = JSON.parse(await readFile(manifestPath, "utf8")) as BenchFiles;
    const present = await Promise.all(
      [...cached.csv, ...cached.parquet].map((f) =>
        stat(f).then(
          (s) => s.size > 0,
          () => false,
        ),
      ),
    );
    if (
      cached.generatorVersion === generatorVersion &&
      cached.chunkRows === chunkRows &&
      present.every(Boolean)
    )
      return cached;
  }
  const started = performance.now();
  const chunks = Math.ceil(size / chunkRows);
  const name = (k: number, ext: string) =>
    join(
      workDir,
      chunks === 1 ? `${base}.${ext}` : `${base}-part${String(k).padStart(2, "0")}.${ext}`,
    );
  const files: BenchFiles = {
    generatorVersion,
    size,
    seed,
    chunkRows,
    csv: [],
    parquet: [],
    csvBytes: 0,
    parquetBytes: 0,
    generateMs: 0,
  };
  let k = 0;
  for (const chunk of generateBenchChunks(size, seed, chunkRows)) {
    const csv = Buffer.from(chunkToCsv(chunk));
    const parquet = chunkToParquet(chunk);
    const csvPath = name(k, "csv");
    const parquetPath = name(k, "parquet");
    await writeFile(csvPath, csv);
    await writeFile(parquetPath, parquet);
    files.csv.push(csvPath);
    files.parquet.push(parquetPath);
    files.csvBytes += csv.byteLength;
    files.parquetBytes += parquet.byteLength;
    k++;
  }
  files.generateMs = Math.round(performance.now() - started);
  await writeFile(manifestPath, `${JSON.stringify(files, null, 2)}\n`);
  return files;
}
