/**
 * Peak resident memory of the benchmark's Chromium (all its processes: browser, renderer, GPU,
 * workers), sampled from `ps` every 200 ms: every process descended from this one, so the
 * browsers other people's tests run on the same machine at the same time are not counted.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Total RSS, MB, of the processes descended from `root` (itself excluded), from `ps` output. */
export function descendantsRssMb(psOutput: string, root: number): number {
  const children = new Map<number, { pid: number; rssKb: number }[]>();
  for (const line of psOutput.split("\n")) {
    const [pid, ppid, rss] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || rss === undefined || Number.isNaN(rss)) continue;
    const list = children.get(ppid) ?? [];
    list.push({ pid, rssKb: rss });
    children.set(ppid, list);
  }
  let kb = 0;
  const queue = [root];
  for (let parent = queue.pop(); parent !== undefined; parent = queue.pop())
    for (const child of children.get(parent) ?? []) {
      kb += child.rssKb;
      queue.push(child.pid);
    }
  return Math.round(kb / 1024);
}

async function chromiumRssMb(): Promise<number> {
  const { stdout } = await run("ps", ["-eo", "pid=,ppid=,rss="], { maxBuffer: 16 * 1024 * 1024 });
  return descendantsRssMb(stdout, process.pid);
}

export function sampleChromiumMemory(): { peak: () => number; stop: () => Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await chromiumRssMb().catch(() => 0));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    peak: () => peak,
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}
