import { createContext, useContext } from "react";
import type { Engine } from "../db/engine";
import type { EngineBuild } from "../db/engine-build";
import type { ParquetWasm } from "../parquet/parquet-codec";
import type { SubmissionStore } from "../submissions/submission";
import type { RestoreReport } from "../submissions/submission-service";

/** What the app needs once ready: the engine, the local store of submissions, the Parquet codec. */
export interface ReadyData {
  engine: Engine;
  store: SubmissionStore;
  parquet: ParquetWasm;
  version: string;
  /** Which DuckDB-wasm build runs (threaded on a cross-origin isolated page) and its threads. */
  build: EngineBuild;
  /** The published release the base data come from; null: the build's own data. */
  release: { version: string; date: string } | null;
  /** Changes whenever accepted data change, so every query key built on it refreshes. */
  dataVersion: number;
  restore: RestoreReport;
  /** Stored submissions could not be read at all (storage unavailable); published data only. */
  storageProblem: string | null;
  dataChanged: () => void;
  /**
   * Reads the stored submissions again and lays them over the published data in one step (another
   * tab changed them, a backup was restored, a damaged record was removed); queries refresh.
   */
  reloadSubmissions: () => Promise<RestoreReport>;
  recovery: EngineRecovery | null;
  /**
   * Loads the published rows of some indicators if they are not in the engine yet (the ranged
   * layout of a large published dataset); a no-op when everything was loaded at start.
   */
  ensureIndicators: (indicatorIds: readonly string[]) => Promise<void>;
}

/** The engine's worker died and the app started a new one: how often, and the last reason. */
export interface EngineRecovery {
  restarts: number;
  message: string;
}

/** The engine's state as a value the UI shows (after duckdb-wasm's react provider). */
export type EngineStatus =
  | { phase: "starting"; recovery?: EngineRecovery | null }
  | { phase: "loading-data"; recovery?: EngineRecovery | null }
  | ({ phase: "ready" } & ReadyData)
  | {
      phase: "failed";
      stage: "engine" | "data";
      message: string;
      recovery?: EngineRecovery | null;
    };

export const EngineStatusContext = createContext<EngineStatus>({ phase: "starting" });

export function useEngineStatus(): EngineStatus {
  return useContext(EngineStatusContext);
}

/** Everything a ready engine offers, or null while it starts or after it failed. */
export function useReadyEngine(): ReadyData | null {
  const status = useEngineStatus();
  return status.phase === "ready" ? status : null;
}
