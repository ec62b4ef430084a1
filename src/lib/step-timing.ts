/**
 * Steps of a long piece of work (checking a file) recorded as the browser's performance measures,
 * named `gcm:<step>`, so that DevTools' performance panel and the bench show where the time went.
 */
export const stepPrefix = "gcm:";

/** Records a step that took `milliseconds` and ended now (a step timed elsewhere, e.g. in a worker). */
export function recordStep(step: string, milliseconds: number): void {
  const end = performance.now();
  performance.measure(`${stepPrefix}${step}`, { start: Math.max(0, end - milliseconds), end });
}

/** Runs `work` and records it as the step `step`, whether it succeeds or fails. */
export async function timeStep<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    recordStep(step, performance.now() - start);
  }
}
