import init, * as parquetWasm from "parquet-wasm/esm";
import wasmUrl from "parquet-wasm/esm/parquet_wasm_bg.wasm?url";
import type { ParquetWasm } from "./parquet-codec";

let ready: Promise<ParquetWasm> | undefined;

/**
 * Loads the Parquet wasm from the app's own origin the first time it is needed. A load that
 * failed (say, offline before the file was ever cached) is tried again at the next call.
 */
export function loadBrowserParquet(): Promise<ParquetWasm> {
  ready ??= init({ module_or_path: wasmUrl }).then(
    () => parquetWasm,
    (error: unknown) => {
      ready = undefined;
      throw error;
    },
  );
  return ready;
}
