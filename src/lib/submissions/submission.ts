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
  acceptedAt: string;
  rows: number;
  indicators: string[];
  periods: string[];
  status: "active" | "undone";
  undoneAt?: string;
}

/** Where accepted submissions are kept: IndexedDB in the browser, memory in tests. */
export interface SubmissionStore {
  list(): Promise<SubmissionMeta[]>;
  /** The observations of a submission as Parquet bytes. */
  read(id: string): Promise<Uint8Array>;
  /** Stores a submission atomically: afterwards it is wholly there or not at all. */
  add(meta: SubmissionMeta, parquet: Uint8Array): Promise<void>;
  setStatus(id: string, status: SubmissionMeta["status"], at: string): Promise<void>;
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

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
