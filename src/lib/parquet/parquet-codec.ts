import type {
  Compression,
  ParquetFile,
  readParquet,
  Table,
  WriterPropertiesBuilder,
  writeParquet,
} from "parquet-wasm";

/** The part of parquet-wasm we use; the browser and Node each hand in their own initialised copy. */
export interface ParquetWasm {
  readParquet: typeof readParquet;
  writeParquet: typeof writeParquet;
  Table: typeof Table;
  WriterPropertiesBuilder: typeof WriterPropertiesBuilder;
  Compression: typeof Compression;
  /** Async reader over HTTP range requests (browser), for the ranged published layout. */
  ParquetFile: typeof ParquetFile;
}

/** Parquet bytes to an Arrow IPC stream that DuckDB can insert. */
export function parquetToArrowIpc(pq: ParquetWasm, parquet: Uint8Array): Uint8Array {
  return pq.readParquet(parquet).intoIPCStream();
}

/** An Arrow IPC stream (a DuckDB query result) to Parquet bytes, Zstandard-compressed. */
export function arrowIpcToParquet(
  pq: ParquetWasm,
  ipc: Uint8Array,
  maxRowGroupSize?: number,
): Uint8Array {
  let builder = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD);
  if (maxRowGroupSize !== undefined) builder = builder.setMaxRowGroupSize(maxRowGroupSize);
  const properties = builder.build();
  return pq.writeParquet(pq.Table.fromIPCStream(ipc), properties);
}
