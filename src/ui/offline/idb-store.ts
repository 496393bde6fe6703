import type { OutboxRecord, OutboxStore } from "./outbox-core";

// The outbox kept in IndexedDB (docs/decisions/0014-offline-supervisor-app.md), so a reload, a
// closed tab or a phone that kills the browser loses nothing. The page and the service worker
// open the same database. Written against IndexedDB itself (no wrapper library): the roster's
// JavaScript budget is tight, and four operations need no more than this.

export const OUTBOX_DB_NAME = "community-payback-outbox";
const STORE = "records";

/** True where this context has IndexedDB (not in some private modes of old browsers). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== "undefined";
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

export function idbStore(name = OUTBOX_DB_NAME): OutboxStore {
  let opening: Promise<IDBDatabase> | undefined;
  const db = () => {
    if (!opening) {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
      opening = done(request);
    }
    return opening;
  };
  /** Runs `work` in one transaction and resolves when it has committed. */
  const inTransaction = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T> | void,
  ): Promise<T | undefined> => {
    const tx = (await db()).transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    let result: T | undefined;
    if (request) request.onsuccess = () => (result = request.result);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    return result;
  };
  return {
    all: async () => (await inTransaction<OutboxRecord[]>("readonly", (store) => store.getAll())) ?? [],
    get: (id) => inTransaction<OutboxRecord | undefined>("readonly", (store) => store.get(id)),
    put: async (record) => void (await inTransaction("readwrite", (store) => void store.put(record))),
    replace: async (oldId, record) =>
      void (await inTransaction("readwrite", (store) => {
        store.delete(oldId);
        store.put(record);
      })),
    delete: async (id) => void (await inTransaction("readwrite", (store) => void store.delete(id))),
  };
}
