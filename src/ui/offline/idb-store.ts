import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OutboxRecord, OutboxStore } from "./outbox-core";

// The outbox kept in IndexedDB through `idb` (docs/decisions/0014-offline-supervisor-app.md), so
// a reload, a closed tab or a phone that kills the browser loses nothing. The page and the
// service worker open the same database.

export const OUTBOX_DB_NAME = "community-payback-outbox";

interface OutboxDb extends DBSchema {
  records: { key: string; value: OutboxRecord };
}

/** True where this context has IndexedDB (not in some private modes of old browsers). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== "undefined";
}

export function idbStore(name = OUTBOX_DB_NAME): OutboxStore {
  let opening: Promise<IDBPDatabase<OutboxDb>> | undefined;
  const db = () =>
    (opening ??= openDB<OutboxDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore("records", { keyPath: "id" });
      },
    }));
  return {
    all: async () => (await db()).getAll("records"),
    get: async (id) => (await db()).get("records", id),
    put: async (record) => void (await (await db()).put("records", record)),
    replace: async (oldId, record) => {
      const tx = (await db()).transaction("records", "readwrite");
      await Promise.all([tx.store.delete(oldId), tx.store.put(record), tx.done]);
    },
    delete: async (id) => (await db()).delete("records", id),
  };
}
