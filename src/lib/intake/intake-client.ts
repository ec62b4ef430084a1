import type { FromWorker, Inspection, InspectRequest, ToWorker } from "./worker-protocol";

export interface InspectOptions {
  request: Omit<InspectRequest, "type">;
  onProgress: (fraction: number) => void;
  /** Aborting stops the worker at once; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** A checked file, and the Parquet its rows are stored as once the worker has encoded it. */
export interface CheckedFile extends Inspection {
  parquet: Promise<Uint8Array> | null;
}

const cancelled = () => new DOMException("cancelled", "AbortError");

/** A promise and its settling functions (Promise.withResolvers, which the project's targets lack). */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const startIntakeWorker = () =>
  new Worker(new URL("./intake.worker.ts", import.meta.url), { type: "module" });

let spare: Worker | null = null;

/**
 * Starts the worker for the next file ahead of time, so that its code and the catalog are loaded
 * before the file arrives: a few hundred milliseconds of every check, however small the file.
 * With `loadParquet`, it also loads the Parquet codec (a 5 MB wasm), which reading a Parquet file
 * needs first and storing any accepted file needs last: 300-400 ms of a small Parquet file's
 * check. For the first file only: the spare for a next file starts as a check ends, and loading
 * the codec there, beside the accept that usually follows, slowed the accept by about 100 ms.
 */
export function prepareIntakeWorker({ loadParquet = false } = {}): void {
  if (spare) return;
  const worker = startIntakeWorker();
  if (loadParquet) worker.postMessage({ type: "load-parquet" } satisfies ToWorker);
  // A spare that failed to load is dropped; the next check then starts a worker of its own.
  // (`inspectInWorker` replaces this handler with its own once it takes the worker.)
  worker.onerror = () => {
    if (spare === worker) spare = null;
    worker.terminate();
  };
  spare = worker;
}

/** Closes the spare worker, if any: the page that would use it is gone. */
export function dropIntakeWorker(): void {
  spare?.terminate();
  spare = null;
}

function takeIntakeWorker(): Worker {
  const worker = spare ?? startIntakeWorker();
  spare = null;
  return worker;
}

/**
 * Checks a file in a worker of its own (the spare one, when prepared). The worker is closed once
 * it has also encoded the rows for storage, or as soon as it fails or the signal aborts (then the
 * check, or the encoding still under way, rejects).
 */
export function inspectInWorker({
  request,
  onProgress,
  signal,
}: InspectOptions): Promise<CheckedFile> {
  const worker = takeIntakeWorker();
  const stored = deferred<Uint8Array>();
  // Nobody may wait for it (the file had errors): a rejection then is not an error to report.
  stored.promise.catch(() => undefined);
  const checked = deferred<CheckedFile>();
  // Settling twice does nothing, so every way of stopping can call this.
  const stop = (error: unknown) => {
    worker.terminate();
    checked.reject(error);
    stored.reject(error);
  };
  if (signal?.aborted) {
    stop(cancelled());
    return checked.promise;
  }
  signal?.addEventListener("abort", () => stop(cancelled()), { once: true });
  worker.onerror = (event) => stop(new Error(event.message || "intake worker failed"));
  worker.onmessage = async (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === "progress") onProgress(message.fraction);
    else if (message.type === "done") {
      const { inspection } = message;
      checked.resolve({ ...inspection, parquet: inspection.storing ? stored.promise : null });
      if (!inspection.storing) stop(new Error("nothing to store"));
    } else if (message.type === "stored") {
      stored.resolve(message.parquet);
      worker.terminate();
    } else stop(new Error(message.message));
  };
  worker.postMessage({ type: "inspect", ...request } satisfies InspectRequest, [
    request.bytes.buffer,
  ]);
  return checked.promise;
}
