import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// Where attachment bytes live. Behind this small interface so that an
// S3-compatible store can replace the disk later without touching callers.
// Keys are random: a user's file name never reaches a path.

export interface AttachmentStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-f0-9]{40}$/;

export function newStorageKey(): string {
  return randomBytes(20).toString("hex");
}

function assertKey(key: string) {
  if (!KEY.test(key)) throw new Error("Invalid attachment storage key");
}

/** Files under ATTACHMENT_DIR (default ./data/attachments), two levels of fan-out by key prefix. */
export class DiskAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    assertKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Uint8Array) {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = `${target}.${randomBytes(4).toString("hex")}.part`;
    await writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
    await rename(temporary, target);
  }

  async get(key: string) {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string) {
    await rm(this.pathOf(key), { force: true });
  }
}

let store: AttachmentStore | null = null;

export function attachmentStore(): AttachmentStore {
  return (store ??= new DiskAttachmentStore(path.resolve(process.env.ATTACHMENT_DIR?.trim() || "./data/attachments")));
}

/** For tests: use another store (or the default again with null). */
export function setAttachmentStore(next: AttachmentStore | null) {
  store = next;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The largest attachment accepted: ATTACHMENT_MAX_BYTES, 10 MB by default. */
export function attachmentMaxBytes(): number {
  const configured = Number(process.env.ATTACHMENT_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? Math.floor(configured) : DEFAULT_MAX_BYTES;
}
