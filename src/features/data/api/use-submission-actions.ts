import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { asForegroundWork } from "@/lib/foreground-work";
import type { ReadyData } from "@/lib/query/engine-status";
import { timeStep } from "@/lib/step-timing";
import { checkpointAfterChange } from "@/lib/submissions/idle-checkpoint";
import type { SubmissionMeta } from "@/lib/submissions/submission";
import {
  acceptStaged,
  redoSubmission,
  removeSubmission,
  undoSubmission,
} from "@/lib/submissions/submission-service";
import { type Dataset, datasets } from "@/lib/tables/table-descriptors";

/** What accepting the staged file needs from the check that staged it. */
export interface AcceptInput {
  fileName: string;
  checksum: string;
  kind: keyof typeof datasets;
  /** Encoded by the intake worker meanwhile; should that have failed, accepting encodes it. */
  parquet: Promise<Uint8Array> | null;
}

export interface Accepted {
  meta: SubmissionMeta;
  seconds: number;
}

/**
 * The Data page's writes as mutations: accept the staged file, undo an accepted one, redo an
 * undone one, remove a damaged record. Each says afterwards that the accepted data changed, so every query
 * keyed on the data version refreshes; react-query holds their pending state and error.
 */
export function useSubmissionActions(ready: ReadyData | null) {
  const { t } = useTranslation();
  // The page disables its buttons until the engine is ready; should a click get through, the
  // officer reads that it is still starting (in the page's language) and waits.
  const requireReady = (): ReadyData => {
    if (!ready) throw new Error(t("engine.loading"));
    return ready;
  };
  const accept = useMutation({
    mutationFn: (input: AcceptInput): Promise<Accepted> =>
      asForegroundWork(async () => {
        const engine = requireReady();
        const started = performance.now();
        // The intake worker encodes the Parquet while the page stages and checks: usually done.
        const parquet = await timeStep("accept:parquet", async () =>
          input.parquet?.catch(() => undefined),
        );
        const dataset: Dataset = datasets[input.kind];
        const meta = await acceptStaged(
          engine.engine,
          engine.store,
          engine.parquet,
          {
            fileName: input.fileName,
            checksum: input.checksum,
            at: new Date().toISOString(),
            id: crypto.randomUUID(),
            ...(parquet ? { parquet } : {}),
          },
          dataset,
        );
        checkpointAfterChange(engine.engine, meta.rows);
        return { meta, seconds: (performance.now() - started) / 1000 };
      }),
  });
  const undo = useMutation({
    mutationFn: async (meta: SubmissionMeta): Promise<SubmissionMeta> => {
      const engine = requireReady();
      await undoSubmission(engine.engine, engine.store, meta, new Date().toISOString());
      checkpointAfterChange(engine.engine, meta.rows);
      engine.dataChanged();
      return meta;
    },
  });
  const redo = useMutation({
    mutationFn: async (meta: SubmissionMeta): Promise<SubmissionMeta> => {
      const engine = requireReady();
      await redoSubmission(
        engine.engine,
        engine.store,
        engine.parquet,
        meta,
        new Date().toISOString(),
      );
      checkpointAfterChange(engine.engine, meta.rows);
      engine.dataChanged();
      return meta;
    },
  });
  const remove = useMutation({
    mutationFn: async (meta: SubmissionMeta): Promise<SubmissionMeta> => {
      const engine = requireReady();
      await removeSubmission(engine.engine, engine.store, meta);
      await engine.reloadSubmissions();
      return meta;
    },
  });
  return {
    accept,
    undo,
    redo,
    remove,
    busy: accept.isPending || undo.isPending || redo.isPending || remove.isPending,
  };
}
