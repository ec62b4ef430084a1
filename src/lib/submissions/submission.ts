/** What is known about one accepted file. The observations themselves are stored as Parquet. */
export interface SubmissionMeta {
  id: string;
  /** Acceptance order: a later submission wins for the indicator-periods it covers. */
  seq: number;
  /** Statistics or funding; records stored before funding existed have none and are statistics. */
  kind?: "observations" | "funding";
  fileName: string;
  /** SHA-256 of the file's bytes, to recognise the same file uploaded twice. */
  checksum: string;
  /**
   * SHA-256 of the stored data (the Parquet bytes), written by the store with the record and
   * checked before the data are loaded. Records stored before checksums existed have none.
   */
  dataSha256?: string;
  acceptedAt: string;
  rows: number;
  indicators: string[];
  periods: string[];
  status: "active" | "undone";
  undoneAt?: string;
}

/** A submission as the store keeps it: what is known about it and its data. */
export interface StoredSubmission {
  meta: SubmissionMeta;
  parquet: Uint8Array;
}

/**
 * A submission to store. Without `seq` the store numbers it after every stored one, inside the
 * same transaction (so two tabs accepting at once never get the same number); the data's
 * checksum is always computed by the store.
 */
export type NewSubmission = Omit<SubmissionMeta, "seq" | "dataSha256"> & { seq?: number };

/** Where accepted submissions are kept: IndexedDB in the browser, memory in tests. */
export interface SubmissionStore {
  list(): Promise<SubmissionMeta[]>;
  /** The observations of a submission as Parquet bytes, as stored (the caller checks them). */
  read(id: string): Promise<Uint8Array>;
  /** Stores a submission atomically: afterwards it is wholly there or not at all. */
  add(meta: NewSubmission, parquet: Uint8Array): Promise<SubmissionMeta>;
  /**
   * Stores several submissions (with their numbers) in one transaction, all of them or none,
   * replacing any record with the same id (restoring a backup over a damaged copy).
   */
  addAll(
    records: readonly { meta: NewSubmission & { seq: number }; parquet: Uint8Array }[],
  ): Promise<void>;
  setStatus(id: string, status: SubmissionMeta["status"], at: string): Promise<void>;
  /** Deletes a record for good (a damaged one the officer removes). */
  remove(id: string): Promise<void>;
  /**
   * Calls back when another tab of the same browser changed the stored submissions. Returns the
   * function that stops listening. Stores without other tabs (memory) need not implement it.
   */
  watch?(onChange: () => void): () => void;
}

/** Storage refused the write (quota full, private mode …); nothing was changed. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly reason: "quota" | "unavailable" | "other",
  ) {
    super(message);
    this.name = "StorageError";
  }
}

/** Numbers a new submission after every stored one unless it brings its own number. */
export function seqFor(meta: NewSubmission, stored: readonly { seq: number }[]): number {
  return meta.seq ?? stored.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
}
