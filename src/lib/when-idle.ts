/**
 * Runs `work` once the page's main thread is idle (at the latest after `timeoutMs`), where the
 * browser says so (`requestIdleCallback`), else after `timeoutMs`. Gives a function that cancels
 * it if it has not run yet.
 */
export function whenIdle(work: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, timeoutMs);
  return () => clearTimeout(handle);
}
