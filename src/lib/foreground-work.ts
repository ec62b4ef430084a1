/**
 * Work the user is waiting for (checking or accepting a file), so that work nobody waits for can
 * keep out of its way. On a two-core machine, the service worker's first copy of the app and the
 * engine into its cache slowed the check of a 100,000-row file it ran beside: the intake worker
 * took 2.3–2.4 s with it and 1.3–1.4 s with service workers blocked (Chromium).
 */

let running = 0;
let lastEnded = Number.NEGATIVE_INFINITY;
const waiting = new Set<() => void>();

function wakeWaiting(): void {
  for (const wake of [...waiting]) wake();
}

/**
 * Marks foreground work as begun; `whenQuiet` waits until the returned function has been called
 * (once, in a `finally`).
 */
export function startForegroundWork(): () => void {
  running++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    running--;
    lastEnded = Date.now();
    wakeWaiting();
  };
}

/** Runs `work` as foreground work: `whenQuiet` waits while any is running. */
export async function asForegroundWork<T>(work: () => Promise<T>): Promise<T> {
  const end = startForegroundWork();
  try {
    return await work();
  } finally {
    end();
  }
}

/**
 * Resolves once `quietMs` have passed, counted from the call and from the end of the last
 * foreground work, with none running (work that starts meanwhile starts the wait again): a user
 * who picks a file just after the page is ready is not raced by what waits for quiet.
 */
export function whenQuiet(quietMs: number): Promise<void> {
  const called = Date.now();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      if (running > 0) return;
      const left = Math.max(called, lastEnded) + quietMs - Date.now();
      if (left <= 0) {
        waiting.delete(check);
        resolve();
      } else timer = setTimeout(check, left);
    };
    waiting.add(check);
    check();
  });
}
