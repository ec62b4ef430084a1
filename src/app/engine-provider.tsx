import { type ReactNode, useEffect, useState } from "react";
import { startBrowserEngine } from "@/lib/db/browser-engine";
import type { Engine } from "@/lib/db/engine";
import { type EngineStatus, EngineStatusContext } from "@/lib/db/engine-status";
import { loadObservationsParquet } from "@/lib/observations/observation-table";
import { loadBrowserParquet } from "@/lib/parquet/parquet-browser";

const publishedData = `${import.meta.env.BASE_URL}data/observations.parquet`;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts DuckDB-wasm once for the whole app and loads the published observations into it. */
export function EngineProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<EngineStatus>({ phase: "starting" });

  useEffect(() => {
    let cancelled = false;
    let engine: Engine | undefined;
    // The Parquet decoder and the data file download while the engine starts.
    const parquet = Promise.all([loadBrowserParquet(), fetchBytes(publishedData)]);
    parquet.catch(() => undefined);
    (async () => {
      try {
        engine = await startBrowserEngine();
      } catch (error) {
        if (!cancelled) setStatus({ phase: "failed", stage: "engine", message: messageOf(error) });
        return;
      }
      if (cancelled) {
        await engine.close();
        return;
      }
      setStatus({ phase: "loading-data" });
      try {
        const [pq, bytes] = await parquet;
        await loadObservationsParquet(engine, pq, bytes);
        const version = await engine.version();
        if (!cancelled) setStatus({ phase: "ready", engine, version, dataVersion: 1 });
      } catch (error) {
        if (!cancelled) setStatus({ phase: "failed", stage: "data", message: messageOf(error) });
      }
    })();
    return () => {
      cancelled = true;
      void engine?.close();
    };
  }, []);

  return <EngineStatusContext.Provider value={status}>{children}</EngineStatusContext.Provider>;
}
