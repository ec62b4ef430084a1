/**
 * Peak resident memory of the benchmark's Chromium (all its processes: browser, renderer, GPU,
 * workers), sampled from `ps` every 200 ms. Profiles from tests/helpers/chromium.ts live in
 * directories named `gcm-chromium-*`, which every process of that browser has in its command line.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

async function chromiumRssMb(): Promise<number> {
  const { stdout } = await run("ps", ["-eo", "rss=,args="], { maxBuffer: 16 * 1024 * 1024 });
  let kb = 0;
  for (const line of stdout.split("\n")) {
    if (!line.includes("gcm-chromium-")) continue;
    kb += Number.parseInt(line.trim().split(/\s+/, 1)[0] ?? "0", 10) || 0;
  }
  return Math.round(kb / 1024);
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
