import * as arrow from "apache-arrow";
import writeXlsxFile from "write-excel-file/node";
import { nodeParquet } from "../parquet/parquet-node";
import type { CorpusTools } from "./hostile-corpus";

/** What building the hostile corpus needs, under Node (tests and `gcm selfcheck`). */
export const nodeCorpusTools: CorpusTools = {
  arrow,
  parquet: nodeParquet,
  xlsx: async (rows) =>
    new Uint8Array(await writeXlsxFile(rows.map((r) => r.map((value) => ({ value })))).toBuffer()),
};
