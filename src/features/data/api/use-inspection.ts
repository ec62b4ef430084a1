import { useCallback, useEffect, useRef, useState } from "react";
import { catalog } from "@/lib/catalog/bundled-catalog";
import { startForegroundWork } from "@/lib/foreground-work";
import {
  type CheckedFile,
  dropIntakeWorker,
  inspectInWorker,
  prepareIntakeWorker,
} from "@/lib/intake/intake-client";
import { maxFileBytes, mayExceedMemory } from "@/lib/intake/limits";
import type { ObservationColumn } from "@/lib/observations/columns";
import { addWarnings } from "@/lib/plausibility/add-warnings";
import { checkStagedPlausibility, stagedIndicators } from "@/lib/plausibility/check-staged";
import { parsedRules } from "@/lib/plausibility/rule-comparisons";
import { indicatorsAFileReads } from "@/lib/plausibility/rule-indicators";
import type { ReadyData } from "@/lib/query/engine-status";
import { recordStep, timeStep } from "@/lib/step-timing";
import {
  type Diff,
  diffStaged,
  dropStaged,
  findAccepted,
  stage,
} from "@/lib/submissions/submission-service";
import { startWarmUp, warmUpBeforeCheck } from "@/lib/submissions/warm-up-engine";
import { datasets } from "@/lib/tables/table-descriptors";
import { whenIdle } from "@/lib/when-idle";

export interface InspectChoices {
  mapping?: Record<number, ObservationColumn | null>;
  constants?: Partial<Record<ObservationColumn, string>>;
  sheet?: string;
}

export type InspectionState =
  | { phase: "idle" }
  | { phase: "checking"; fileName: string; progress: number }
  | {
      phase: "checked";
      file: File;
      inspection: CheckedFile;
      diff: Diff | null;
      duplicateOf: string | null;
      choices: InspectChoices;
    }
  | { phase: "failed"; fileName: string; message: string }
  | { phase: "too_large"; fileName: string; megabytes: number; limit: number }
  | { phase: "cancelled"; fileName: string }
  | { phase: "memory_warning"; file: File; choices: InspectChoices; megabytes: number };

/** The page's JavaScript heap limit where the browser reports it (Chromium), else null. */
function heapLimit(): number | null {
  const memory = (performance as Performance & { memory?: { jsHeapSizeLimit?: number } }).memory;
  return memory?.jsHeapSizeLimit ?? null;
}

const rules = parsedRules(catalog.rules);
/** The engine warms up when the page is idle, or after this long in any case. */
const warmUpAfterMs = 2000;

/** Checks a file in the intake worker, then stages its valid rows and computes what accepting would change. */
export function useInspection(ready: ReadyData | null) {
  const [state, setState] = useState<InspectionState>({ phase: "idle" });
  const running = useRef<AbortController | null>(null);

  // Once the engine is up (not while it loads), the worker for the first file gets ready, with
  // its Parquet codec; it is closed when the Data page goes, so no idle worker holds the catalog
  // on other pages. Once the page is idle, the engine warms up for the first file's checks
  // (warm-up-engine.ts).
  const preparing = useRef(false);
  useEffect(() => {
    if (!ready) return;
    preparing.current = true;
    prepareIntakeWorker({ loadParquet: true });
    const cancelWarmUp = whenIdle(() => startWarmUp(ready.engine, catalog), warmUpAfterMs);
    return () => {
      preparing.current = false;
      cancelWarmUp();
      dropIntakeWorker();
    };
  }, [ready]);

  const inspect = useCallback(
    async (file: File, choices: InspectChoices = {}, despiteMemory = false) => {
      if (!ready) return;
      if (file.size > maxFileBytes) {
        // Refused before reading a byte, so a huge file never fills the page's memory.
        setState({
          phase: "too_large",
          fileName: file.name,
          megabytes: Math.round(file.size / 1048576),
          limit: maxFileBytes / 1048576,
        });
        return;
      }
      if (!despiteMemory && mayExceedMemory(file.size, heapLimit())) {
        // Asked first: a tab that runs out of memory crashes and loses what is on screen.
        setState({
          phase: "memory_warning",
          file,
          choices,
          megabytes: Math.round(file.size / 1048576),
        });
        return;
      }
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setState({ phase: "checking", fileName: file.name, progress: 0 });
      // The officer waits from here: work nobody waits for (the offline copy) holds back.
      const endForegroundWork = startForegroundWork();
      // Also keeps a warm-up not yet begun from starting later.
      const warmUp = warmUpBeforeCheck(ready.engine);
      try {
        const started = performance.now();
        const bytes = await timeStep(
          "intake:read-file",
          async () => new Uint8Array(await file.arrayBuffer()),
        );
        const checked = await timeStep("intake:worker", () =>
          inspectInWorker({
            request: { fileName: file.name, bytes, ...choices },
            onProgress: (progress) =>
              setState({ phase: "checking", fileName: file.name, progress }),
            signal: controller.signal,
          }),
        );
        for (const [step, milliseconds] of Object.entries(checked.steps))
          recordStep(`intake:worker:${step}`, milliseconds);
        const duplicate = await findAccepted(ready.store, checked.checksum);
        let diff: Diff | null = null;
        let inspection = checked;
        if (checked.result.errors === 0 && checked.rows > 0 && !duplicate) {
          const dataset = datasets[checked.result.kind];
          await timeStep("intake:warm-up", () => warmUp);
          await timeStep("intake:stage", () => stage(ready.engine, checked.ipc, dataset));
          const observations = checked.result.kind === "observations";
          // Before the diff: the accepted values it compares with may not be loaded yet.
          if (observations) {
            const fileIndicators = await stagedIndicators(ready.engine, dataset.staged);
            await timeStep("intake:load-compared", () =>
              ready.ensureIndicators(indicatorsAFileReads(rules, fileIndicators)),
            );
          }
          diff = await timeStep("intake:diff", () => diffStaged(ready.engine, 200, dataset));
          if (observations) {
            const warnings = await timeStep("intake:plausibility", () =>
              checkStagedPlausibility(
                ready.engine,
                dataset.staged,
                checked.rowNumbers,
                catalog,
                file.name,
              ),
            );
            inspection = { ...checked, result: addWarnings(checked.result, warnings) };
          }
        }
        // What the officer waited, from reading the file to the findings, not the worker alone.
        inspection = { ...inspection, seconds: (performance.now() - started) / 1000 };
        setState({
          phase: "checked",
          file,
          inspection,
          diff,
          duplicateOf: duplicate?.acceptedAt ?? null,
          choices,
        });
      } catch (error) {
        if (controller.signal.aborted) {
          setState({ phase: "cancelled", fileName: file.name });
          return;
        }
        setState({
          phase: "failed",
          fileName: file.name,
          message: error instanceof Error ? error.message : String(error),
        });
      } finally {
        endForegroundWork();
        // The worker for the next file, started once this one's checks are done (if the page
        // is still open).
        if (preparing.current) prepareIntakeWorker();
      }
    },
    [ready],
  );

  /** Stops checking the current file; nothing was staged or stored, so nothing changes. */
  const cancel = useCallback(() => running.current?.abort(), []);

  const reset = useCallback(async () => {
    if (ready) await dropStaged(ready.engine);
    setState({ phase: "idle" });
  }, [ready]);

  return { state, inspect, reset, cancel };
}
