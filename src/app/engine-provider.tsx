import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import {
  type EngineRecovery,
  type EngineStatus,
  EngineStatusContext,
} from "@/lib/query/engine-status";
import type { OpenedData } from "./open-data-engine";

/**
 * The engine's code, and the engine itself, start as this module loads: DuckDB-wasm takes about
 * two seconds to start here, and waiting for the first render would add to that. The first
 * engine the provider opens takes this one; a restart starts afresh.
 */
let early: Promise<{
  module: typeof import("./open-data-engine");
  started: import("./open-data-engine").EarlyStart;
}> | null = import("./open-data-engine").then((module) => ({
  module,
  started: module.startEarly(),
}));
early.catch(() => undefined);

/** A worker that keeps dying is not restarted for ever: after this many, the failure shows. */
const maxRestarts = 3;

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
  // If the engine's worker dies, a new engine starts and loads the data again (see onCrash).
  const [recovery, setRecovery] = useState<EngineRecovery | null>(null);
  const restarts = recovery?.restarts ?? 0;

  useEffect(() => {
    let cancelled = false;
    let opened: OpenedData | null = null;
    (async () => {
      let module: typeof import("./open-data-engine");
      let started: import("./open-data-engine").EarlyStart | undefined;
      try {
        const taken = early;
        early = null;
        if (taken) ({ module, started } = await taken);
        else module = await import("./open-data-engine");
      } catch (error) {
        if (!cancelled) setPhase({ phase: "failed", stage: "engine", message: messageOf(error) });
        return;
      }
      try {
        opened = await module.openDataEngine(
          {
            onEngineStarted: () => {
              if (!cancelled) setPhase({ phase: "loading-data" });
            },
            isCancelled: () => cancelled,
            onCrash: (error) => {
              if (cancelled) return;
              cancelled = true;
              if (restarts >= maxRestarts) {
                setPhase({ phase: "failed", stage: "engine", message: messageOf(error) });
                return;
              }
              setPhase({ phase: "starting" });
              setRecovery((r) => ({ restarts: (r?.restarts ?? 0) + 1, message: messageOf(error) }));
            },
          },
          started,
        );
        if (opened && !cancelled) {
          setPhase({ phase: "ready", loaded: opened });
          // Queries that failed while the engine was down run again.
          if (restarts > 0) dataChanged();
        }
      } catch (error) {
        const stage = error instanceof module.OpenDataError ? error.stage : "data";
        if (!cancelled) setPhase({ phase: "failed", stage, message: messageOf(error) });
      }
    })();
    return () => {
      cancelled = true;
      void opened?.engine.close();
    };
  }, [restarts, dataChanged]);

  // Lays the stored submissions over the published data again and refreshes every query.
  const reload = useCallback(
    async (loaded: OpenedData) => {
      const restore = await loaded.reloadSubmissions();
      setPhase((p) =>
        p.phase === "ready" && p.loaded.engine === loaded.engine
          ? { phase: "ready", loaded: { ...p.loaded, restore, storageProblem: null } }
          : p,
      );
      dataChanged();
      return restore;
    },
    [dataChanged],
  );
  // Another tab accepted, undid or restored submissions: show the same data here.
  const loaded = phase.phase === "ready" ? phase.loaded : null;
  useEffect(
    () => loaded?.store.watch?.(() => void reload(loaded).catch(() => undefined)),
    [loaded, reload],
  );

  const status = useMemo<EngineStatus>(
    () =>
      phase.phase === "ready"
        ? {
            phase: "ready",
            ...phase.loaded,
            reloadSubmissions: () => reload(phase.loaded),
            dataVersion,
            dataChanged,
            recovery,
          }
        : { ...phase, recovery },
    [phase, dataVersion, dataChanged, reload, recovery],
  );
  return <EngineStatusContext.Provider value={status}>{children}</EngineStatusContext.Provider>;
}
