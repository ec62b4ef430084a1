/**
 * Peak JavaScript heap of a page and of every worker it starts (the intake worker, DuckDB's
 * worker and its threads), sampled through the debugging protocol every `everyMs`: Chromium has
 * no `performance.memory` in workers, but each worker's V8 answers `Runtime.getHeapUsage` even
 * while it is busy. Heap only: wasm memory and ArrayBuffer contents are outside it.
 */
import type { CDPSession, Page } from "playwright-core";
import type { HeapParts } from "./heap-shares";

interface HeapUsage {
  usedSize: number;
}

interface ReceivedMessage {
  sessionId: string;
  message: string;
}

/** A worker reached through the page's session (not flattened: Playwright owns the flat ones). */
class WorkerChannel {
  private nextId = 0;
  private readonly waiting = new Map<number, (used: number | null) => void>();

  constructor(
    private readonly cdp: CDPSession,
    readonly sessionId: string,
    readonly url: string,
  ) {}

  receive(message: string) {
    const parsed = JSON.parse(message) as { id?: number; result?: HeapUsage };
    if (parsed.id === undefined) return;
    this.waiting.get(parsed.id)?.(parsed.result?.usedSize ?? null);
    this.waiting.delete(parsed.id);
  }

  heapUsed(): Promise<number | null> {
    const id = ++this.nextId;
    const answer = new Promise<number | null>((resolve) => {
      this.waiting.set(id, resolve);
      setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, 5_000);
    });
    void this.cdp
      .send("Target.sendMessageToTarget", {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method: "Runtime.getHeapUsage" }),
      })
      .catch(() => this.waiting.get(id)?.(null));
    return answer;
  }
}

export interface HeapSampler {
  /** Largest sum of the page's and its workers' used heap seen so far, bytes. */
  peakBytes: () => number;
  /** What made up that largest sum: the page's heap and each worker's, by its script's URL. */
  peakParts: () => HeapParts;
  /** Forget the peak (e.g. before the step to measure). */
  reset: () => void;
  stop: () => Promise<number>;
}

export async function sampleJsHeap(page: Page, everyMs = 100): Promise<HeapSampler> {
  const cdp = await page.context().newCDPSession(page);
  const attached = new Set<string>();
  const channels = new Map<string, WorkerChannel>();
  cdp.on("Target.receivedMessageFromTarget", (event: ReceivedMessage) =>
    channels.get(event.sessionId)?.receive(event.message),
  );
  // A finished worker (the intake worker ends after each file) is asked no more.
  cdp.on("Target.detachedFromTarget", (event: { sessionId?: string }) => {
    if (event.sessionId) channels.delete(event.sessionId);
  });
  const attachWorkers = async () => {
    const { targetInfos } = await cdp.send("Target.getTargets");
    for (const target of targetInfos) {
      if (target.type !== "worker" || attached.has(target.targetId)) continue;
      attached.add(target.targetId);
      const session = await cdp
        .send("Target.attachToTarget", { targetId: target.targetId, flatten: false })
        .catch(() => null);
      if (session)
        channels.set(session.sessionId, new WorkerChannel(cdp, session.sessionId, target.url));
    }
  };

  let peak = 0;
  let peakParts: HeapParts = { page: 0, workers: [] };
  let running = true;
  const sampleOnce = async () => {
    await attachWorkers().catch(() => undefined);
    const page = await cdp
      .send("Runtime.getHeapUsage")
      .then((u) => u.usedSize)
      .catch(() => 0);
    const asked = [...channels.values()];
    const workers = await Promise.all(asked.map((c) => c.heapUsed()));
    const total = page + workers.reduce<number>((sum, used) => sum + (used ?? 0), 0);
    if (total > peak) {
      peak = total;
      peakParts = {
        page,
        workers: asked.map((c, i) => ({ url: c.url, bytes: workers[i] ?? 0 })),
      };
    }
  };
  const loop = (async () => {
    while (running) {
      await sampleOnce();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    peakBytes: () => peak,
    peakParts: () => peakParts,
    reset: () => {
      peak = 0;
      peakParts = { page: 0, workers: [] };
    },
    stop: async () => {
      running = false;
      await loop;
      await sampleOnce().catch(() => undefined);
      await cdp.detach().catch(() => undefined);
      return peak;
    },
  };
}
