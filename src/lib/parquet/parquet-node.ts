import * as parquetWasm from "parquet-wasm";
import type { ParquetWasm } from "./parquet-codec";

/** parquet-wasm's Node build initialises itself on import. */
export const nodeParquet: ParquetWasm = parquetWasm;
