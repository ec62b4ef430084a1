import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { startBrowserEngine } from "@/lib/db/browser-engine";
import type { Engine } from "@/lib/db/engine";
import { type EngineStatus, EngineStatusContext, type ReadyData } from "@/lib/db/engine-status";
import { loadBrowserParquet } from "@/lib/parquet/parquet-browser";
import { createIndexedDbStore } from "@/lib/submissions/indexeddb-store";
import {
  loadBase,
  type RestoreReport,
  restoreSubmissions,
} from "@/lib/submissions/submission-service";
import { fundingDataset } from "@/lib/submissions/submission-sql";

const publishedData = `${import.meta.env.BASE_URL}data/observations.parquet`;
const publishedFunding = `${import.meta.env.BASE_URL}data/funding.parquet`;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Loaded = Omit<ReadyData, "dataVersion" | "dataChanged">;

/**
 * Starts DuckDB-wasm once for the whole app, loads the published observations, then lays the
 * officer's accepted submissions (kept in IndexedDB) over them.
 */
export function EngineProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<
    Exclude<EngineStatus, { phase: "ready" }> | { phase: "ready"; loaded: Loaded }
  >({
    phase: "starting",
  });
  const [dataVersion, setDataVersion] = useState(1);
  const dataChanged = useCallback(() => setDataVersion((v) => v + 1), []);

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
        if (!cancelled) setPhase({ phase: "failed", stage: "engine", message: messageOf(error) });
        return;
      }
      if (cancelled) {
        await engine.close();
        return;
      }
      setPhase({ phase: "loading-data" });
      try {
        const [pq, bytes] = await parquet;
        await loadBase(engine, pq, bytes);
        await loadBase(engine, pq, await fetchBytes(publishedFunding), fundingDataset);
        const store = createIndexedDbStore();
        let restore: RestoreReport = { restored: 0, failed: [] };
        let storageProblem: string | null = null;
        try {
          restore = await restoreSubmissions(engine, store, pq);
        } catch (error) {
          storageProblem = messageOf(error);
        }
        const version = await engine.version();
        if (!cancelled)
          setPhase({
            phase: "ready",
            loaded: { engine, store, parquet: pq, version, restore, storageProblem },
          });
      } catch (error) {
        if (!cancelled) setPhase({ phase: "failed", stage: "data", message: messageOf(error) });
      }
    })();
    return () => {
      cancelled = true;
      void engine?.close();
    };
  }, []);

  const status = useMemo<EngineStatus>(
    () =>
      phase.phase === "ready"
        ? { phase: "ready", ...phase.loaded, dataVersion, dataChanged }
        : phase,
    [phase, dataVersion, dataChanged],
  );
  return <EngineStatusContext.Provider value={status}>{children}</EngineStatusContext.Provider>;
}
