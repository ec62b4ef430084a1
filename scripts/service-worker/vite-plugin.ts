import { resolve } from "node:path";
import type { Logger, Plugin } from "vite";

/**
 * Writes sw.js once the build's files are on disk, so every production build (npm run build, or
 * a build made apart with --outDir) works offline. Development and the tests never load it.
 * Workbox is loaded only then: it is large and the dev server and Vitest do not need it.
 */
export function serviceWorker(): Plugin {
  let outDir = "";
  let logger: Logger | undefined;
  return {
    name: "gcm-service-worker",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    async closeBundle(error?: Error) {
      if (error) return;
      const { buildServiceWorker, describeServiceWorkerBuild } = await import(
        "./build-service-worker.ts"
      );
      const build = await buildServiceWorker(outDir);
      logger?.info(describeServiceWorkerBuild(build));
      // A file left out of the precache (too large, say) would fail only offline: stop the build.
      if (build.warnings.length > 0) throw new Error(build.warnings.join("\n"));
    },
  };
}
