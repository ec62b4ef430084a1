import type { Observation } from "../observations/columns";
import type { FromWorker, Inspection, InspectRequest } from "./worker-protocol";

export interface InspectOptions {
  request: Omit<InspectRequest, "type">;
  history: (indicatorIds: string[]) => Promise<Observation[]>;
  onProgress: (fraction: number) => void;
  /** Aborting stops the worker at once; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** Checks a file in a fresh worker, which is closed afterwards whatever happens. */
export function inspectInWorker({
  request,
  history,
  onProgress,
  signal,
}: InspectOptions): Promise<Inspection> {
  const worker = new Worker(new URL("./intake.worker.ts", import.meta.url), { type: "module" });
  return new Promise<Inspection>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("cancelled", "AbortError"));
      return;
    }
    signal?.addEventListener("abort", () => reject(new DOMException("cancelled", "AbortError")), {
      once: true,
    });
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
      } else if (message.type === "done") resolve(message.inspection);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || "intake worker failed"));
    worker.postMessage({ type: "inspect", ...request } satisfies InspectRequest, [
      request.bytes.buffer,
    ]);
  }).finally(() => worker.terminate());
}
