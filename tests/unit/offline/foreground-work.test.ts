import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A fresh module per test: its state (work running, when the last ended) is module-wide.
async function load() {
  vi.resetModules();
  return import("@/lib/foreground-work");
}

function gate() {
  let open: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { closed, open };
}

/** Whether the promise has resolved yet, read after advancing the clock. */
function watch(promise: Promise<void>) {
  const state = { quiet: false };
  void promise.then(() => {
    state.quiet = true;
  });
  return state;
}

describe("whenQuiet", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("resolves the quiet time after the call when no foreground work runs", async () => {
    const { whenQuiet } = await load();
    const wait = watch(whenQuiet(3000));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(wait.quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(wait.quiet).toBe(true);
  });

  it("waits for work that starts just after the call, however soon", async () => {
    const { asForegroundWork, whenQuiet } = await load();
    const wait = watch(whenQuiet(3000));
    await vi.advanceTimersByTimeAsync(1_000);
    const work = gate();
    const running = asForegroundWork(() => work.closed);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(wait.quiet).toBe(false);
    work.open();
    await running;
    await vi.advanceTimersByTimeAsync(3_100);
    expect(wait.quiet).toBe(true);
  });

  it("waits while work runs, then the quiet time after it ends", async () => {
    const { asForegroundWork, whenQuiet } = await load();
    const work = gate();
    const running = asForegroundWork(() => work.closed);
    const wait = watch(whenQuiet(3000));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wait.quiet).toBe(false);
    work.open();
    await running;
    await vi.advanceTimersByTimeAsync(2_900);
    expect(wait.quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(wait.quiet).toBe(true);
  });

  it("starts the wait again when new work begins during the quiet time", async () => {
    const { asForegroundWork, whenQuiet } = await load();
    await asForegroundWork(async () => undefined);
    const wait = watch(whenQuiet(3000));
    await vi.advanceTimersByTimeAsync(2_000);
    const work = gate();
    const running = asForegroundWork(() => work.closed);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(wait.quiet).toBe(false);
    work.open();
    await running;
    await vi.advanceTimersByTimeAsync(3_100);
    expect(wait.quiet).toBe(true);
  });

  it("ends foreground work that fails, and passes its error on", async () => {
    const { asForegroundWork, whenQuiet } = await load();
    await expect(
      asForegroundWork(async () => {
        throw new Error("unreadable");
      }),
    ).rejects.toThrow("unreadable");
    const wait = watch(whenQuiet(1000));
    await vi.advanceTimersByTimeAsync(1_100);
    expect(wait.quiet).toBe(true);
  });

  it("counts an end called twice once, so other work still holds the wait", async () => {
    const { startForegroundWork, whenQuiet } = await load();
    const endFirst = startForegroundWork();
    const endSecond = startForegroundWork();
    endFirst();
    endFirst();
    const wait = watch(whenQuiet(1000));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(wait.quiet).toBe(false);
    endSecond();
    await vi.advanceTimersByTimeAsync(1_100);
    expect(wait.quiet).toBe(true);
  });
});
