import * as arrow from "apache-arrow";
import type { Catalog } from "../catalog/schema";
import type { Engine } from "../db/engine";
import type { Observation } from "../observations/columns";
import { observationsToIpc } from "../observations/observation-table";
import { checkStagedPlausibility } from "../plausibility/check-staged";
import { seededRandom } from "../seeded-random";
import { timeStep } from "../step-timing";
import { observationsDataset } from "../tables/table-descriptors";
import { exclusive } from "./exclusive";
import { diffStagedInTurn, stage } from "./submission-service";

/** Staged apart from an officer's file, so that the diff and the checks never see both. */
const warmUpDataset = { ...observationsDataset, staged: "warm_up_observations" };
const firstYear = 2005;
const years = 20;
const indicators = 24;

/**
 * Made-up quarterly rows shaped like an officer's file: the catalog's first quarterly indicators,
 * a total and a subgroup each, twenty years of values that wander and now and then jump, so that
 * every plausibility check has rows to join, group, sort and flag. Never stored, never shown.
 */
export function warmUpObservations(catalog: Pick<Catalog, "indicators">): Observation[] {
  const random = seededRandom(20261202);
  const quarterly = catalog.indicators
    .filter((i) => i.periodicity === "quarterly" && i.disaggregations.sex?.includes("female"))
    .slice(0, indicators);
  const rows: Observation[] = [];
  for (const indicator of quarterly)
    for (const dimensions of [{}, { sex: "female" }]) {
      let level = 100 + random() * 1000;
      for (let year = firstYear; year < firstYear + years; year++)
        for (let quarter = 1; quarter <= 4; quarter++) {
          level *= random() < 0.05 ? 4 : 0.9 + random() * 0.2;
          rows.push({
            indicator_id: indicator.id,
            period: `${year}-Q${quarter}`,
            time: year + (quarter - 1) / 4,
            value: Math.round(level),
            dimensions,
            unit: null,
            obs_status: "normal",
            source: null,
            note: null,
            row: rows.length + 2,
          });
        }
    }
  return rows;
}

class WarmUpStopped extends Error {}

/** A statement that only drops what a step made: its own clean-up, which runs even once stopped. */
const dropping = (args: readonly unknown[]) =>
  typeof args[0] === "string" && /^\s*DROP\s/i.test(args[0]);

/**
 * The engine as the warm-up uses it: once `stopped()` says so, each further call is refused but a
 * drop, so that each step's own clean-up (a `finally` that drops its tables) still runs.
 */
function untilStopped(engine: Engine, stopped: () => boolean): Engine {
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!dropping(args) && stopped()) throw new WarmUpStopped("warm-up stopped");
      return call(...args);
    };
  return {
    query: guarded(engine.query.bind(engine)),
    exec: guarded(engine.exec.bind(engine)),
    queryArrowIpc: guarded(engine.queryArrowIpc.bind(engine)),
    insertColumns: guarded(engine.insertColumns.bind(engine)),
    insertArrowIpc: guarded(engine.insertArrowIpc.bind(engine)),
    registerFile: guarded(engine.registerFile.bind(engine)),
    dropFile: guarded(engine.dropFile.bind(engine)),
    version: () => engine.version(),
    close: () => engine.close(),
  };
}

/** What the warm-up's steps leave for their caller (the page drops an officer's at the next file). */
const leftovers = [`DROP TABLE IF EXISTS ${warmUpDataset.staged}`];

/**
 * How many times the warm-up runs the checks. DuckDB-wasm's code gets faster each time it runs
 * (the browser compiles its hot functions again, optimised): on the Data page, a 1,000-row file
 * checked once the page was idle took 1471-1533 ms after one pass and 933-969 ms after three.
 */
export const warmUpPasses = 3;

/**
 * The engine's first diff and plausibility check of a file pay for DuckDB compiling its code for
 * each statement and growing its memory: on the Data page, about 1.5 s of a 100,000-row file's
 * first check. This pays it over two thousand made-up rows instead, `passes` times, staged apart
 * and dropped: nothing the officer sees changes. Once `stopped()` is true, it stops after the
 * statement under way, and drops what it made (each step's own clean-up runs, then its tables).
 */
export async function warmUpEngine(
  engine: Engine,
  catalog: Pick<Catalog, "indicators" | "rules">,
  stopped: () => boolean = () => false,
  passes = warmUpPasses,
): Promise<void> {
  const observations = warmUpObservations(catalog);
  const run = untilStopped(engine, stopped);
  try {
    for (let pass = 0; pass < passes; pass++) {
      // Built again each pass: the page's engine takes the buffer (transferred to its worker).
      await stage(run, observationsToIpc(arrow, observations), warmUpDataset);
      await diffStagedInTurn(run, 200, warmUpDataset);
      await checkStagedPlausibility(
        run,
        warmUpDataset.staged,
        Int32Array.from(observations, (o) => o.row ?? 0),
        catalog,
        "warm-up",
      );
    }
  } catch (error) {
    if (!(error instanceof WarmUpStopped)) throw error;
  } finally {
    for (const sql of leftovers) await engine.exec(sql);
  }
}

interface WarmUp {
  done: Promise<void>;
  stop: () => void;
}

const warmUps = new WeakMap<Engine, WarmUp>();

/**
 * Starts `warmUpEngine` once per engine, while the Data page waits for a file. It runs as changes
 * to accepted data do, one at a time, so that it never lands inside an accept's or an undo's
 * transaction. It is recorded as the step `engine:warm-up`; a failed one only means a slower first
 * check, and says so in the console.
 */
export function startWarmUp(engine: Engine, catalog: Pick<Catalog, "indicators" | "rules">): void {
  if (warmUps.has(engine)) return;
  let stopping = false;
  const done = exclusive(engine, () =>
    timeStep("engine:warm-up", () => warmUpEngine(engine, catalog, () => stopping)),
  ).catch((error: unknown) => {
    console.warn(
      "GCM Monitor: the engine's warm-up failed; the first check will be slower.",
      error,
    );
  });
  warmUps.set(engine, { done, stop: () => (stopping = true) });
}

/**
 * For a file's check, before its own statements (which share the warm-up's tables): stops the
 * warm-up, if one is under way, and gives what to wait for (its statement under way, then its
 * clean-up). A warm-up beside the intake worker would compete with it for a core; and once a
 * check has begun none starts later, since the check warms the engine itself.
 */
export function warmUpBeforeCheck(engine: Engine): Promise<void> {
  const warmUp = warmUps.get(engine) ?? { done: Promise.resolve(), stop: () => undefined };
  warmUp.stop();
  warmUps.set(engine, warmUp);
  return warmUp.done;
}
