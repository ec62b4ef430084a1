/**
 * The production server for the built app (`npm start`, the benchmark and the browser tests):
 * - hashed files under /assets/ are cached for a year (`immutable`); the page and the data are
 *   revalidated (ETag) so a new build or new published data is seen at once;
 * - text and wasm are sent precompressed (brotli, else gzip) when the browser accepts it, from the
 *   `.br` / `.gz` files `scripts/compress-dist.ts` writes next to them at build time;
 * - byte ranges (`Range: bytes=…`) are honoured, uncompressed, so large published Parquet files
 *   can be read piece by piece;
 * - any path without a file extension gets index.html (the app routes in the browser);
 * - pages refuse to be framed by another site, except the embed view (`framing-headers.ts`);
 * - with `crossOriginIsolation`, every response carries COOP/COEP (`isolation-headers.ts`), so the
 *   page may run DuckDB-wasm's threaded build; without, the app runs its single-threaded build.
 * It counts the bytes it sends per path, so a test can show how much a screen transfers.
 */
import { createReadStream, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { framingHeadersOf } from "./framing-headers";
import { isolationHeadersOf } from "./isolation-headers";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * The one range of a `Range` header within a file of `size` bytes; null when the header asks for
 * none we can serve as one piece (several ranges, other units), "unsatisfiable" when out of bounds.
 */
export function parseRange(header: string, size: number): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return null;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** Cache policy by path: content-hashed assets never change; everything else is revalidated. */
export function cacheControlOf(path: string): string {
  return path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
}

/** The best precompressed variant the browser accepts, by preference. */
export function encodingsToTry(acceptEncoding: string | undefined): ("br" | "gzip")[] {
  const accepted = (acceptEncoding ?? "")
    .split(",")
    .map((part) => part.trim().split(";")[0]?.trim().toLowerCase());
  const out: ("br" | "gzip")[] = [];
  if (accepted.includes("br")) out.push("br");
  if (accepted.includes("gzip")) out.push("gzip");
  return out;
}

export interface StaticServer {
  url: string;
  /** Bytes of body sent per request path since the start (or the last reset). */
  sent: Map<string, number>;
  resetCounts: () => void;
  close: () => Promise<void>;
}

async function fileStats(path: string): Promise<Stats | null> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

export async function startStaticServer(options: {
  root: string;
  host?: string;
  port?: number;
  /** Files served in place of some paths (e.g. a large generated dataset for the benchmark). */
  overrides?: Record<string, string>;
  /** Send the cross-origin isolation headers (scripts/serve.ts --threads does). Default false. */
  crossOriginIsolation?: boolean;
}): Promise<StaticServer> {
  const root = resolve(options.root);
  const sent = new Map<string, number>();

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const requestedPath = path;
    const override = options.overrides?.[path];
    let file = override ?? normalize(join(root, path));
    if (!override && file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    let stats = await fileStats(file);
    if (!stats && extname(path) === "") {
      path = "/index.html";
      file = join(root, "index.html");
      stats = await fileStats(file);
    }
    if (!stats) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const headers: Record<string, string> = {
      "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
      "Cache-Control": cacheControlOf(path),
      "Accept-Ranges": "bytes",
      "X-Content-Type-Options": "nosniff",
      Vary: "Accept-Encoding",
      ...(extname(file) === ".html" ? framingHeadersOf(requestedPath) : {}),
      ...(options.crossOriginIsolation ? isolationHeadersOf(requestedPath) : {}),
    };
    const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    headers.ETag = etag;
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, headers).end();
      return;
    }

    const rangeHeader = request.headers.range;
    if (rangeHeader) {
      const range = parseRange(rangeHeader, stats.size);
      if (range === "unsatisfiable") {
        response.writeHead(416, { ...headers, "Content-Range": `bytes */${stats.size}` }).end();
        return;
      }
      if (range) {
        const length = range.end - range.start + 1;
        response.writeHead(206, {
          ...headers,
          "Content-Range": `bytes ${range.start}-${range.end}/${stats.size}`,
          "Content-Length": String(length),
        });
        send(request, response, path, file, range);
        return;
      }
    }

    for (const encoding of encodingsToTry(request.headers["accept-encoding"])) {
      const variant = `${file}.${encoding === "br" ? "br" : "gz"}`;
      const variantStats = await fileStats(variant);
      if (!variantStats) continue;
      response.writeHead(200, {
        ...headers,
        "Content-Encoding": encoding,
        "Content-Length": String(variantStats.size),
      });
      send(request, response, path, variant);
      return;
    }
    response.writeHead(200, { ...headers, "Content-Length": String(stats.size) });
    send(request, response, path, file);
  }

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    file: string,
    range?: ByteRange,
  ) {
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
    stream.on("data", (chunk) => sent.set(path, (sent.get(path) ?? 0) + chunk.length));
    stream.on("error", () => response.destroy());
    stream.pipe(response);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((done) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", done),
  );
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    sent,
    resetCounts: () => sent.clear(),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
