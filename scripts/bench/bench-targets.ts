/**
 * The bench's targets as rows of one table: each says its goal, what was measured, whether it was
 * met and, when missed, by how much. Pure: run-bench.ts feeds it the measurements.
 */
import type { AlternativesReport, Target } from "./alternatives";
import { laneLabel } from "./alternatives";
import { questionLabels } from "./engines/questions";

export interface TargetCheck {
  target: string;
  /** Which page or engine the figure is from (e.g. "threaded build (COOP/COEP)"); "" when shared. */
  side: string;
  goal: string;
  measured: string;
  met: boolean | null;
  /** How far off, when missed (e.g. "+2100 ms (1.7× the goal)"). */
  miss: string | null;
}

/** A figure that must stay at or under `goal`. */
export function atMost(
  target: string,
  side: string,
  goal: number,
  measured: number | null,
  unit: string,
): TargetCheck {
  return {
    target,
    side,
    goal: `≤ ${goal} ${unit}`,
    measured: measured === null ? "not measured" : `${measured} ${unit}`,
    met: measured === null ? null : measured <= goal,
    miss:
      measured === null || measured <= goal
        ? null
        : `+${measured - goal} ${unit} (${(measured / goal).toFixed(1)}× the goal)`,
  };
}

/** Peak JS heap while a file is checked, against `factor` × the file's size. */
export function heapWithinFileMultiple(
  target: string,
  side: string,
  factor: number,
  fileBytes: number | null,
  peakHeapMb: number | null,
): TargetCheck {
  if (fileBytes === null || peakHeapMb === null)
    return {
      target,
      side,
      goal: `≤ ${factor}× the file`,
      measured: "not measured",
      met: null,
      miss: null,
    };
  const fileMb = fileBytes / 1048576;
  const limitMb = Math.round(factor * fileMb);
  const multiple = peakHeapMb / fileMb;
  const met = peakHeapMb <= limitMb;
  return {
    target,
    side,
    goal: `≤ ${factor}× the file (${fileMb.toFixed(1)} MB → ≤ ${limitMb} MB)`,
    measured: `${peakHeapMb} MB (${multiple.toFixed(2)}× the file)`,
    met,
    miss: met ? null : `+${peakHeapMb - limitMb} MB (${(multiple / factor).toFixed(2)}× the goal)`,
  };
}

/** One engine-level ratio target (alternatives.ts) as a row of the table. */
export function ratioCheck(size: string, question: string, t: Target): TargetCheck {
  const vsArquero = t.kind === "vs-arquero";
  const what = vsArquero
    ? `${question} (${size} rows): duckdb-wasm vs Arquero`
    : `${question} (${size} rows): duckdb-wasm vs native DuckDB, same threads`;
  const goal = vsArquero ? `≥ ${t.goal}× faster` : `≤ ${t.goal}× slower`;
  const measured =
    t.ratio === null ? "not measured" : `${t.ratio.toFixed(2)}× ${vsArquero ? "faster" : "slower"}`;
  let miss: string | null = null;
  if (t.met === false && t.ratio !== null)
    miss = vsArquero
      ? `needs ${(t.goal / t.ratio).toFixed(2)}× more speed`
      : `${(t.ratio / t.goal).toFixed(2)}× over the limit`;
  return { target: what, side: laneLabel(t.lane), goal, measured, met: t.met, miss };
}

/** The engine-level targets at `size` rows. */
export function ratioChecks(alternatives: AlternativesReport | null, size: number): TargetCheck[] {
  if (!alternatives) return [];
  const label = size >= 1_000_000 ? `${size / 1_000_000}M` : size.toLocaleString("en-US");
  return alternatives.ratios
    .filter((row) => row.size === size)
    .flatMap((row) =>
      row.wasm.flatMap((w) =>
        w.targets.map((t) => ratioCheck(label, questionLabels[row.question], t)),
      ),
    );
}

/** The table in Markdown. */
export function targetTableMarkdown(checks: readonly TargetCheck[]): string[] {
  const met = checks.filter((c) => c.met === true).length;
  const missed = checks.filter((c) => c.met === false).length;
  return [
    "| target | build / engine | goal | measured | met | missed by |",
    "|---|---|---|---|---|---|",
    ...checks.map(
      (c) =>
        `| ${c.target} | ${c.side || "—"} | ${c.goal} | ${c.measured} | ${c.met === null ? "—" : c.met ? "yes" : "**no**"} | ${c.miss ?? ""} |`,
    ),
    "",
    `${met} met, ${missed} missed, ${checks.length - met - missed} not measured.`,
  ];
}
