/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { serviceWorker } from "./scripts/service-worker/vite-plugin.ts";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // index.html lives in src/ so the repository's top level stays as the project layout asks.
  root: fromRoot("./src"),
  publicDir: fromRoot("./public"),
  // serviceWorker() writes sw.js after a production build (offline use); it does nothing in dev.
  plugins: [react(), serviceWorker()],
  resolve: { alias: { "@": fromRoot("./src") } },
  // The wasm packages load their own .wasm by URL; pre-bundling would break those URLs in dev.
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm", "parquet-wasm"] },
  build: {
    outDir: fromRoot("./dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  server: { host: "127.0.0.1", port: 5173 },
  test: {
    root: fromRoot("."),
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
