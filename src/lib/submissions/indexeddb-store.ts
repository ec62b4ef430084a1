import { sha256Hex } from "../hash/sha256";
import {
  type NewSubmission,
  StorageError,
  type StoredSubmission,
  type SubmissionMeta,
  type SubmissionStore,
} from "./submission";

const databaseName = "gcm-monitor";
const storeName = "submissions";
const seqIndex = "seq";
/** Tabs of the same browser tell each other here that the stored submissions changed. */
const channelName = "gcm-monitor-submissions";

function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
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
    // Version 2 adds an index on the sequence number, so a new submission is numbered inside
    // the transaction that writes it.
    const request = indexedDB.open(databaseName, 2);
    request.onupgradeneeded = (event) => {
      const store =
        event.oldVersion < 1
          ? request.result.createObjectStore(storeName, { keyPath: "meta.id" })
          : (request.transaction as IDBTransaction).objectStore(storeName);
      if (!store.indexNames.contains(seqIndex)) store.createIndex(seqIndex, "meta.seq");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A record as read back: anything but a whole record (meta and bytes) is refused. */
function wholeRecord(value: unknown, id: string): StoredSubmission {
  const record = value as Partial<StoredSubmission> | undefined;
  if (!record) throw new StorageError(`submission ${id} is missing from storage`, "other");
  if (!(record.parquet instanceof Uint8Array) || record.parquet.length === 0 || !record.meta)
    throw new StorageError(`submission ${id} is incomplete in storage`, "other");
  return record as StoredSubmission;
}

/**
 * Accepted submissions in IndexedDB. Each submission is one record (what is known about it, its
 * data and the data's SHA-256) written in one transaction with strict durability, so a closed
 * tab, a reload or a crash mid-write leaves either the old state or the new one, and "accepted"
 * is only said once the record is on disk. Other tabs hear about every change.
 */
export function createIndexedDbStore(): SubmissionStore {
  let database: Promise<IDBDatabase> | undefined;
  const db = () => {
    database ??= open()
      .then((opened) => {
        const forget = () => {
          database = undefined;
        };
        opened.addEventListener("close", forget);
        // A newer version of the app in another tab wants to upgrade: let it, reopen later.
        opened.onversionchange = () => {
          opened.close();
          forget();
        };
        return opened;
      })
      .catch((error) => {
        database = undefined;
        throw toStorageError(error);
      });
    return database;
  };
  const channel =
    typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(channelName);
  const listeners = new Set<() => void>();
  if (channel)
    channel.onmessage = () => {
      for (const listener of listeners) listener();
    };
  const announce = () => channel?.postMessage({ type: "submissions-changed" });

  /**
   * Runs one read-write transaction to its end. `work` may go on in request callbacks; there it
   * reports a failure with `fail`, which aborts the transaction. Errors become StorageError.
   */
  const write = async (
    work: (store: IDBObjectStore, fail: (error: unknown) => void) => void,
  ): Promise<void> => {
    let failure: { error: unknown } | undefined;
    try {
      const transaction = (await db()).transaction(storeName, "readwrite", {
        durability: "strict",
      });
      const done = finished(transaction);
      const fail = (error: unknown) => {
        failure ??= { error };
        try {
          transaction.abort();
        } catch {
          // Already finished: `done` says how.
        }
      };
      try {
        work(transaction.objectStore(storeName), fail);
      } catch (error) {
        fail(error);
      }
      await done;
    } catch (error) {
      throw toStorageError(failure ? failure.error : error);
    }
    announce();
  };

  return {
    async list() {
      const transaction = (await db()).transaction(storeName, "readonly");
      const records = await promised(
        transaction.objectStore(storeName).getAll() as IDBRequest<StoredSubmission[]>,
      );
      return records
        .filter((r) => r?.meta)
        .map((r) => r.meta)
        .sort((a, b) => a.seq - b.seq);
    },
    async read(id) {
      const transaction = (await db()).transaction(storeName, "readonly");
      const record = await promised(transaction.objectStore(storeName).get(id));
      return wholeRecord(record, id).parquet;
    },
    async add(meta: NewSubmission, parquet) {
      const dataSha256 = await sha256Hex(parquet);
      let stored: SubmissionMeta | undefined;
      await write((store, fail) => {
        const place = (seq: number) => {
          stored = { ...meta, seq, dataSha256 };
          store.add({ meta: stored, parquet } satisfies StoredSubmission);
        };
        if (meta.seq !== undefined) return place(meta.seq);
        // The highest number stored, read in the same transaction as the write.
        const last = store.index(seqIndex).openKeyCursor(null, "prev");
        last.onsuccess = () => {
          try {
            place(Number(last.result?.key ?? 0) + 1);
          } catch (error) {
            fail(error);
          }
        };
      });
      if (!stored) throw new StorageError("the submission was not stored", "other");
      return stored;
    },
    async addAll(records) {
      const ready = await Promise.all(
        records.map(async ({ meta, parquet }) => ({
          meta: { ...meta, dataSha256: await sha256Hex(parquet) },
          parquet,
        })),
      );
      await write((store) => {
        for (const record of ready) store.put(record satisfies StoredSubmission);
      });
    },
    async setStatus(id, status, at) {
      await write((store, fail) => {
        const request = store.get(id);
        request.onsuccess = () => {
          try {
            const record = wholeRecord(request.result, id);
            const meta: SubmissionMeta = { ...record.meta, status };
            if (status === "undone") meta.undoneAt = at;
            else delete meta.undoneAt;
            store.put({ ...record, meta } satisfies StoredSubmission);
          } catch (error) {
            fail(error);
          }
        };
      });
    },
    async remove(id) {
      await write((store) => {
        store.delete(id);
      });
    },
    watch(onChange) {
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
  };
}
