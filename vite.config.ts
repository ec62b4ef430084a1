import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  // The wasm packages load their own .wasm by URL; pre-bundling would break those URLs in dev.
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm", "parquet-wasm"] },
  build: { target: "es2022", chunkSizeWarningLimit: 1500 },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  server: { host: "127.0.0.1", port: 5173 },
});
