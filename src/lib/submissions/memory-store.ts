import type { SubmissionMeta, SubmissionStore } from "./submission";

/** A store that lives as long as the process: for tests and the command line. */
export function createMemoryStore(): SubmissionStore {
  const records = new Map<string, { meta: SubmissionMeta; parquet: Uint8Array }>();
  return {
    list: async () =>
      [...records.values()].map((r) => ({ ...r.meta })).sort((a, b) => a.seq - b.seq),
    read: async (id) => {
      const record = records.get(id);
      if (!record) throw new Error(`no submission ${id}`);
      return record.parquet;
    },
    add: async (meta, parquet) => {
      records.set(meta.id, { meta: { ...meta }, parquet });
    },
    setStatus: async (id, status, at) => {
      const record = records.get(id);
      if (!record) throw new Error(`no submission ${id}`);
      record.meta = { ...record.meta, status, ...(status === "undone" ? { undoneAt: at } : {}) };
    },
  };
}
