/// <reference lib="webworker" />
import * as arrow from "apache-arrow";
import { loadBundledCatalog } from "../catalog/load-catalog-browser";
import { columnsToIpc } from "../db/columns-to-ipc";
import { fundingToColumns } from "../funding/funding-table";
import { sha256Hex } from "../hash/sha256";
import { groupByIndicator, observationsToIpc } from "../observations/observation-table";
import { loadBrowserParquet } from "../parquet/parquet-browser";
import { arrowIpcToParquet } from "../parquet/parquet-codec";
import { explainFindings } from "./finding-causes";
import { inspectFile } from "./inspect-file";
import { byHundredths } from "./progress-steps";
import type { FromWorker, ToWorker } from "./worker-protocol";

// Parsing and checking a large file takes seconds: here it never blocks the page.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const catalog = loadBundledCatalog();

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "load-parquet") {
    // A failure here is met again where the codec is used.
    loadBrowserParquet().catch(() => undefined);
    return;
  }
  const started = performance.now();
  try {
    const checksum = await sha256Hex(message.bytes);
    const hashed = performance.now();
    const needsParquet = String.fromCharCode(...message.bytes.subarray(0, 4)) === "PAR1";
    const result = await inspectFile(catalog, message.fileName, message.bytes, {
      ...(message.mapping ? { mapping: message.mapping } : {}),
      ...(message.constants ? { constants: message.constants } : {}),
      ...(message.sheet ? { sheet: message.sheet } : {}),
      ...(needsParquet ? { parquet: await loadBrowserParquet() } : {}),
      onProgress: byHundredths((fraction) => post({ type: "progress", fraction })),
    });
    const inspected = performance.now();
    const { observations, funding, ...checked } = result;
    // The one place findings are put in the order an officer reads them, causes first.
    const rest = { ...checked, findings: explainFindings(checked.findings, catalog.dimensions) };
    // Funding files become funding rows; everything else, observations grouped by indicator.
    const ordered = rest.kind === "funding" ? [] : groupByIndicator(observations);
    const ipc =
      rest.kind === "funding"
        ? columnsToIpc(arrow, fundingToColumns(funding))
        : observationsToIpc(arrow, ordered);
    // Each staged row's spreadsheet row, in the staged order, for the checks run after staging.
    const rowNumbers = new Int32Array(ordered.length);
    for (let i = 0; i < ordered.length; i++) rowNumbers[i] = ordered[i]?.row ?? 0;
    const rows = rest.kind === "funding" ? funding.length : observations.length;
    const built = performance.now();
    const storable = rest.errors === 0 && rows > 0;
    // The page stages the rows while this worker encodes the Parquet that is stored on accept:
    // the two cores work at once, and accepting never freezes the page with the encoding.
    const forStorage = storable ? ipc.slice() : null;
    post(
      {
        type: "done",
        inspection: {
          result: rest,
          preview: observations.slice(0, 20),
          rows,
          ipc,
          rowNumbers,
          storing: storable,
          checksum,
          seconds: (built - started) / 1000,
          steps: { hash: hashed - started, check: inspected - hashed, arrow: built - inspected },
        },
      },
      [ipc.buffer, rowNumbers.buffer],
    );
    if (forStorage) {
      const parquet = arrowIpcToParquet(await loadBrowserParquet(), forStorage);
      post({ type: "stored", parquet }, [parquet.buffer]);
    }
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};
