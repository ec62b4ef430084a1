import type { Observation } from "../observations/columns";
import type { FromWorker, Inspection, InspectRequest } from "./worker-protocol";

export interface InspectOptions {
  request: Omit<InspectRequest, "type">;
  history: (indicatorIds: string[]) => Promise<Observation[]>;
  onProgress: (fraction: number) => void;
  /** Aborting stops the worker at once; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** A checked file, and the Parquet its rows are stored as once the worker has encoded it. */
export interface CheckedFile extends Inspection {
  parquet: Promise<Uint8Array> | null;
}

const cancelled = () => new DOMException("cancelled", "AbortError");

/**
 * Checks a file in a fresh worker. The worker is closed once it has also encoded the rows for
 * storage, when it fails, or when the signal aborts, whatever comes first.
 */
export function inspectInWorker({
  request,
  history,
  onProgress,
  signal,
}: InspectOptions): Promise<CheckedFile> {
  const worker = new Worker(new URL("./intake.worker.ts", import.meta.url), { type: "module" });
  let storedResolve: (parquet: Uint8Array) => void = () => undefined;
  let storedReject: (error: unknown) => void = () => undefined;
  const stored = new Promise<Uint8Array>((resolve, reject) => {
    storedResolve = resolve;
    storedReject = reject;
  });
  // Nobody may wait for it (the file had errors): a rejection then is not an error to report.
  stored.catch(() => undefined);
  const close = (error: unknown) => {
    worker.terminate();
    storedReject(error);
  };
  const checked = new Promise<CheckedFile>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    signal?.addEventListener("abort", () => reject(cancelled()), { once: true });
    worker.onmessage = async (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === "progress") onProgress(message.fraction);
      else if (message.type === "needHistory") {
        try {
          worker.postMessage({
            type: "history",
            observations: await history(message.indicatorIds),
          });
        } catch {
          worker.postMessage({ type: "history", observations: [] });
        }
      } else if (message.type === "done") {
        const { inspection } = message;
        if (!inspection.storing) close(new Error("nothing to store"));
        resolve({ ...inspection, parquet: inspection.storing ? stored : null });
      } else if (message.type === "stored") {
        storedResolve(message.parquet);
        worker.terminate();
      } else {
        reject(new Error(message.message));
        close(new Error(message.message));
      }
    };
    worker.onerror = (event) => reject(new Error(event.message || "intake worker failed"));
    worker.postMessage({ type: "inspect", ...request } satisfies InspectRequest, [
      request.bytes.buffer,
    ]);
  });
  // Failing or cancelled before the end: the worker goes, and so does any storage encoding.
  checked.catch((error: unknown) => close(error));
  signal?.addEventListener("abort", () => close(cancelled()), { once: true });
  worker.addEventListener("error", (event) =>
    close(new Error(event.message || "intake worker failed")),
  );
  return checked;
}
