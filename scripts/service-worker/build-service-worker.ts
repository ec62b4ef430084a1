/**
 * Writes the service worker (sw.js) into a finished build. The Vite build runs it at its end
 * (vite-plugin.ts); by hand: tsx scripts/service-worker/build-service-worker.ts [dist]
 */
import { generateSW } from "workbox-build";
import { serviceWorkerOptions } from "./service-worker-options.ts";

export interface ServiceWorkerBuild {
  precachedFiles: number;
  precachedBytes: number;
  warnings: string[];
}

export async function buildServiceWorker(outDir: string): Promise<ServiceWorkerBuild> {
  const { count, size, warnings } = await generateSW(serviceWorkerOptions(outDir));
  return { precachedFiles: count, precachedBytes: size, warnings };
}

export function describeServiceWorkerBuild(build: ServiceWorkerBuild): string {
  const mb = (build.precachedBytes / 1048576).toFixed(1);
  return `service worker: ${build.precachedFiles} files precached (${mb} MB)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const build = await buildServiceWorker(process.argv[2] ?? "dist");
  console.log(describeServiceWorkerBuild(build));
  for (const warning of build.warnings) console.warn(warning);
  if (build.warnings.length > 0) process.exitCode = 1;
}
