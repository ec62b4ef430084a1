import { StorageError, type SubmissionMeta, type SubmissionStore } from "./submission";

const databaseName = "gcm-monitor";
const storeName = "submissions";

interface Record {
  meta: SubmissionMeta;
  parquet: Uint8Array;
}

function toStorageError(error: unknown): StorageError {
  const name = error instanceof DOMException ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "QuotaExceededError") return new StorageError(message, "quota");
  if (name === "InvalidStateError" || name === "SecurityError")
    return new StorageError(message, "unavailable");
  return new StorageError(message, "other");
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new DOMException("aborted", "AbortError"));
  });
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore(storeName, { keyPath: "meta.id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Accepted submissions in IndexedDB. Each submission is one record written in one transaction,
 * so a closed tab or a reload mid-write leaves either the old state or the new one.
 */
export function createIndexedDbStore(): SubmissionStore {
  let database: Promise<IDBDatabase> | undefined;
  const db = () => {
    database ??= open().catch((error) => {
      database = undefined;
      throw toStorageError(error);
    });
    return database;
  };
  return {
    async list() {
      const transaction = (await db()).transaction(storeName, "readonly");
      const records = await promised(
        transaction.objectStore(storeName).getAll() as IDBRequest<Record[]>,
      );
      return records.map((r) => r.meta).sort((a, b) => a.seq - b.seq);
    },
    async read(id) {
      const transaction = (await db()).transaction(storeName, "readonly");
      const record = await promised(
        transaction.objectStore(storeName).get(id) as IDBRequest<Record | undefined>,
      );
      if (!record) throw new StorageError(`submission ${id} is missing from storage`, "other");
      return record.parquet;
    },
    async add(meta, parquet) {
      try {
        const transaction = (await db()).transaction(storeName, "readwrite");
        transaction.objectStore(storeName).add({ meta, parquet } satisfies Record);
        await finished(transaction);
      } catch (error) {
        throw error instanceof StorageError ? error : toStorageError(error);
      }
    },
    async setStatus(id, status, at) {
      try {
        const transaction = (await db()).transaction(storeName, "readwrite");
        const store = transaction.objectStore(storeName);
        const record = await promised(store.get(id) as IDBRequest<Record | undefined>);
        if (!record) throw new StorageError(`submission ${id} is missing from storage`, "other");
        const meta = { ...record.meta, status, ...(status === "undone" ? { undoneAt: at } : {}) };
        store.put({ ...record, meta });
        await finished(transaction);
      } catch (error) {
        throw error instanceof StorageError ? error : toStorageError(error);
      }
    },
  };
}
