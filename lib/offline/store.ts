import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OutboxItem } from "@/lib/offline/outbox";
import type { OfflineSnapshot } from "@/lib/offline/types";

// The device's offline store, in the browser's IndexedDB (docs/decisions/0015-offline.md).
// One database belongs to one person at a time: `owner` says whose it is and when
// they said "This is my device"; a different person signing in, signing out (the
// server's Clear-Site-Data) or the keep period passing deletes all of it.

export const OFFLINE_DB = "placement-tracker-offline";

export type Owner = { userId: string; consentedAt: number; savedAt: number };

interface OfflineDb extends DBSchema {
  meta: { key: "owner"; value: Owner } | { key: "snapshot"; value: OfflineSnapshot };
  outbox: { key: string; value: OutboxItem };
}

/** A change listeners re-read the store on (the banner, the offline page). */
export const OFFLINE_CHANGED = "pt-offline-changed";

export const QUOTA_MESSAGE =
  "This device has no room left to keep your work. Nothing new was saved offline: free some space, or connect and send what is waiting first.";

let opening: Promise<IDBPDatabase<OfflineDb>> | null = null;

function database() {
  opening ??= openDB<OfflineDb>(OFFLINE_DB, 1, {
    upgrade(db) {
      db.createObjectStore("meta");
      db.createObjectStore("outbox", { keyPath: "id" });
    },
    // Another tab deleting the database (a wipe) must not wait for this connection.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opening = null;
    },
  });
  return opening;
}

function changed() {
  window.dispatchEvent(new Event(OFFLINE_CHANGED));
}

/** Writes, turning a full disk into a message the user can act on before anything is lost. */
async function write(run: (db: IDBPDatabase<OfflineDb>) => Promise<unknown>) {
  try {
    await run(await database());
  } catch (error) {
    if (error instanceof DOMException && error.name === "QuotaExceededError") throw new Error(QUOTA_MESSAGE);
    throw error;
  }
  changed();
}

/**
 * Whether there is a store to read. Opening a database creates it, so every page
 * would otherwise leave an empty one behind, even right after a sign-out wiped it.
 */
async function exists(): Promise<boolean> {
  if (opening) return true;
  if (typeof indexedDB.databases !== "function") return true;
  return (await indexedDB.databases()).some((known) => known.name === OFFLINE_DB);
}

export async function getOwner(): Promise<Owner | undefined> {
  if (!(await exists())) return undefined;
  return (await (await database()).get("meta", "owner")) as Owner | undefined;
}

export async function getSnapshot(): Promise<OfflineSnapshot | undefined> {
  if (!(await exists())) return undefined;
  return (await (await database()).get("meta", "snapshot")) as OfflineSnapshot | undefined;
}

export async function listOutbox(): Promise<OutboxItem[]> {
  if (!(await exists())) return [];
  const items = await (await database()).getAll("outbox");
  return items.sort((a, b) => a.createdAt - b.createdAt);
}

/** "This is my device": from now on this person's work is kept here. */
export function consent(userId: string, now = Date.now()) {
  return write((db) => db.put("meta", { userId, consentedAt: now, savedAt: now }, "owner"));
}

export function saveSnapshot(owner: Owner, snapshot: OfflineSnapshot, now = Date.now()) {
  return write(async (db) => {
    const tx = db.transaction("meta", "readwrite");
    await tx.store.put(snapshot, "snapshot");
    await tx.store.put({ ...owner, savedAt: now }, "owner");
    await tx.done;
  });
}

export function putItem(item: OutboxItem) {
  return write((db) => db.put("outbox", item));
}

export function deleteItem(id: string) {
  return write((db) => db.delete("outbox", id));
}

/** Deletes everything kept on this device. */
export async function wipe() {
  if (opening) (await opening).close();
  opening = null;
  await deleteDB(OFFLINE_DB);
  changed();
}

/** A random key for an outbox item (and its id). */
export const randomKey = () => crypto.randomUUID();

/** Past the keep period: the copied records go; the user's own unsent changes stay until sent or discarded. */
export function wipeSnapshot() {
  return write((db) => db.delete("meta", "snapshot"));
}
