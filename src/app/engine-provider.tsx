import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { type EngineStatus, EngineStatusContext } from "@/lib/db/engine-status";
import type { OpenedData } from "./open-data-engine";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts DuckDB-wasm once for the whole app, loads the published observations, then lays the
 * officer's accepted submissions (kept in IndexedDB) over them. The engine's code is a separate
 * chunk fetched while the first screen renders.
 */
export function EngineProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<
    Exclude<EngineStatus, { phase: "ready" }> | { phase: "ready"; loaded: OpenedData }
  >({
    phase: "starting",
  });
  const [dataVersion, setDataVersion] = useState(1);
  const dataChanged = useCallback(() => setDataVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    let opened: OpenedData | null = null;
    (async () => {
      let module: typeof import("./open-data-engine");
      try {
        module = await import("./open-data-engine");
      } catch (error) {
        if (!cancelled) setPhase({ phase: "failed", stage: "engine", message: messageOf(error) });
        return;
      }
      try {
        opened = await module.openDataEngine({
          onEngineStarted: () => {
            if (!cancelled) setPhase({ phase: "loading-data" });
          },
          isCancelled: () => cancelled,
        });
        if (opened && !cancelled) setPhase({ phase: "ready", loaded: opened });
      } catch (error) {
        const stage = error instanceof module.OpenDataError ? error.stage : "data";
        if (!cancelled) setPhase({ phase: "failed", stage, message: messageOf(error) });
      }
    })();
    return () => {
      cancelled = true;
      void opened?.engine.close();
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
