import type { Catalog } from "../catalog/schema";
import { type ArrowModule, columnsToIpc } from "../db/columns-to-ipc";
import type { Engine } from "../db/engine";
import { fundingToColumns } from "../funding/funding-table";
import { sha256Hex } from "../hash/sha256";
import { type IntakeResult, inspectFile } from "../intake/inspect-file";
import { observationsToColumns } from "../observations/observation-table";
import type { ParquetWasm } from "../parquet/parquet-codec";
import type { SubmissionMeta, SubmissionStore } from "../submissions/submission";
import { acceptStaged, findAccepted, stage } from "../submissions/submission-service";
import { datasets } from "../tables/table-descriptors";

export interface SubmitContext {
  catalog: Catalog;
  engine: Engine;
  store: SubmissionStore;
  parquet: ParquetWasm;
  arrow: ArrowModule;
}

export type SubmitOutcome =
  | { outcome: "refused"; reason: "errors" | "no_rows" | "already_accepted"; result: IntakeResult }
  | { outcome: "accepted"; result: IntakeResult; meta: SubmissionMeta };

/**
 * A file through the Data page's steps, as an officer who ticks every warning would take it:
 * checked; refused on any error, without rows, or when already accepted; otherwise staged and
 * accepted whole. Staging, accepting and their failures are the submission service's own.
 */
export async function submitFile(
  context: SubmitContext,
  fileName: string,
  bytes: Uint8Array,
  submission: { id: string; at: string },
): Promise<SubmitOutcome> {
  const { engine, store, parquet, arrow } = context;
  const result = await inspectFile(context.catalog, fileName, bytes, { parquet });
  if (result.errors > 0) return { outcome: "refused", reason: "errors", result };
  const funding = result.kind === "funding";
  const rows = funding ? result.funding.length : result.observations.length;
  if (rows === 0) return { outcome: "refused", reason: "no_rows", result };
  const checksum = await sha256Hex(bytes);
  if (await findAccepted(store, checksum))
    return { outcome: "refused", reason: "already_accepted", result };
  const dataset = datasets[result.kind];
  const ipc = columnsToIpc(
    arrow,
    funding ? fundingToColumns(result.funding) : observationsToColumns(result.observations),
  );
  await stage(engine, ipc, dataset);
  const meta = await acceptStaged(
    engine,
    store,
    parquet,
    { fileName, checksum, at: submission.at, id: submission.id },
    dataset,
  );
  return { outcome: "accepted", result, meta };
}
