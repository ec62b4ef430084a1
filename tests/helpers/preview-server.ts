import { existsSync } from "node:fs";
import { type PreviewServer, preview } from "vite";

/** Serves the production build (`dist/`) on a free loopback port. */
export async function startPreview(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync("dist/index.html"))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  const server: PreviewServer = await preview({
    preview: { host: "127.0.0.1", port: 0, strictPort: false },
    logLevel: "silent",
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === "string")
    throw new Error("preview server has no port");
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
