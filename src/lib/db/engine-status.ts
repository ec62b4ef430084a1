import { createContext, useContext } from "react";
import type { Engine } from "./engine";

/** The engine's state as a value the UI shows (after duckdb-wasm's react provider). */
export type EngineStatus =
  | { phase: "starting" }
  | { phase: "loading-data" }
  | { phase: "ready"; engine: Engine; version: string; dataVersion: number }
  | { phase: "failed"; stage: "engine" | "data"; message: string };

export const EngineStatusContext = createContext<EngineStatus>({ phase: "starting" });

export function useEngineStatus(): EngineStatus {
  return useContext(EngineStatusContext);
}

/** The ready engine, or null while it starts or after it failed. */
export function useReadyEngine(): { engine: Engine; dataVersion: number } | null {
  const status = useEngineStatus();
  return status.phase === "ready"
    ? { engine: status.engine, dataVersion: status.dataVersion }
    : null;
}
