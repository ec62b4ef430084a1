import { sha256Hex } from "../hash/sha256";
import {
  type NewSubmission,
  type StoredSubmission,
  type SubmissionMeta,
  type SubmissionStore,
  seqFor,
} from "./submission";

async function stored(meta: NewSubmission, parquet: Uint8Array, seq: number) {
  return { meta: { ...meta, seq, dataSha256: await sha256Hex(parquet) }, parquet };
}

/**
 * A store that lives as long as the process: for tests and the command line. Tests may pass the
 * map it keeps its records in, to damage one on purpose.
 */
export function createMemoryStore(
  records: Map<string, StoredSubmission> = new Map(),
): SubmissionStore {
  const metas = () => [...records.values()].map((r) => r.meta);
  return {
    list: async () =>
      metas()
        .map((m) => ({ ...m }))
        .sort((a, b) => a.seq - b.seq),
    read: async (id) => {
      const record = records.get(id);
      if (!record) throw new Error(`no submission ${id}`);
      return record.parquet;
    },
    add: async (meta, parquet) => {
      const record = await stored(meta, parquet, seqFor(meta, metas()));
      records.set(meta.id, record);
      return { ...record.meta };
    },
    addAll: async (list) => {
      const ready = await Promise.all(list.map((r) => stored(r.meta, r.parquet, r.meta.seq)));
      for (const record of ready) records.set(record.meta.id, record);
    },
    setStatus: async (id, status, at) => {
      const record = records.get(id);
      if (!record) throw new Error(`no submission ${id}`);
      const meta: SubmissionMeta = { ...record.meta, status };
      if (status === "undone") meta.undoneAt = at;
      else delete meta.undoneAt;
      record.meta = meta;
    },
    remove: async (id) => {
      records.delete(id);
    },
  };
}
