/**
 * The smallest JavaScript heap in which a file goes through what the intake worker does with it
 * (check, Arrow copy for DuckDB and the one encoded for storage as Parquet), found by running it
 * in Node child processes with growing `--max-old-space-size`:
 *
 *   npx tsx scripts/bench/intake-heap.ts <file.csv>
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { promisify } from "node:util";
import * as arrow from "apache-arrow";
import { loadCatalogFromDir } from "../../src/lib/catalog/load-catalog-node";
import { columnsToIpc } from "../../src/lib/db/columns-to-ipc";
import { inspectFile } from "../../src/lib/intake/inspect-file";
import {
  groupByIndicator,
  observationsToColumns,
} from "../../src/lib/observations/observation-table";
import { arrowIpcToParquet } from "../../src/lib/parquet/parquet-codec";
import { nodeParquet } from "../../src/lib/parquet/parquet-node";

const heapsMb = [100, 150, 200, 250, 300, 400, 500, 700, 1000, 1500];

async function intakeOnce(path: string): Promise<void> {
  const loaded = await loadCatalogFromDir("indicators");
  if (!loaded.ok) throw new Error("the catalog does not load");
  const bytes = new Uint8Array(await readFile(path));
  const result = await inspectFile(loaded.catalog, basename(path), bytes);
  const ipc = columnsToIpc(arrow, observationsToColumns(groupByIndicator(result.observations)));
  const parquet = arrowIpcToParquet(nodeParquet, ipc.slice());
  process.stdout.write(`${result.observations.length} rows, ${parquet.byteLength} B stored\n`);
}

async function smallestHeap(path: string): Promise<void> {
  const run = promisify(execFile);
  const size = (await readFile(path)).byteLength;
  let below: number | null = null;
  for (const mb of heapsMb) {
    try {
      const { stdout } = await run(
        process.execPath,
        [`--max-old-space-size=${mb}`, "--import", "tsx", import.meta.filename, "--child", path],
        { maxBuffer: 1 << 20 },
      );
      console.log(
        `${basename(path)} (${(size / 1048576).toFixed(1)} MB): fits a ${mb} MB heap${below ? `, not ${below} MB` : ""} (${stdout.trim()})`,
      );
      return;
    } catch {
      below = mb;
    }
  }
}

const [flag, file] = process.argv.slice(2);
if (flag === "--child" && file) await intakeOnce(file);
else if (flag) await smallestHeap(flag);
else console.error("usage: npx tsx scripts/bench/intake-heap.ts <file.csv>");
