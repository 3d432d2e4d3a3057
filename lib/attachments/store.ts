import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";

// Where attachment bytes live, behind one small interface (docs/operations.md#attachments):
// PostgreSQL (the default with DATABASE_URL: every instance shares it, and a
// database backup includes the files), a directory (the default for the
// embedded database), or an S3-compatible store later. Bytes stream in and out
// in chunks; no store holds a whole file in memory. Keys are random: a user's
// file name never reaches a path or a key.

export type StoredObject = { sizeBytes: number; sha256: string };

export interface AttachmentStore {
  readonly kind: string;
  /**
   * Stores `source` under `key` and returns its size and sha256. Over `maxBytes`
   * it throws AttachmentTooLargeError and keeps nothing; when storage is full,
   * AttachmentStoreFullError. Nothing half-written is ever readable.
   */
  put(key: string, source: AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<StoredObject>;
  /** The bytes as a stream, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every key held (for `npm run attachments:migrate`). */
  keys(): AsyncIterable<string>;
}

export class AttachmentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = "AttachmentTooLargeError";
  }
}

/** The disk or the database is full: the upload is refused, and nothing is kept. */
export class AttachmentStoreFullError extends Error {
  constructor(cause: unknown) {
    super("The attachment store is full", { cause });
    this.name = "AttachmentStoreFullError";
  }
}

const KEY = /^[a-f0-9]{40}$/;

export function newStorageKey(): string {
  return randomBytes(20).toString("hex");
}

export function assertKey(key: string) {
  if (!KEY.test(key)) throw new Error("Invalid attachment storage key");
}

/** Re-cuts a stream into pieces of `size` bytes (the last may be shorter), counting as it goes. */
export async function* chunksOf(source: AsyncIterable<Uint8Array>, size: number, maxBytes = Infinity) {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  for await (const piece of source) {
    total += piece.length;
    if (total > maxBytes) throw new AttachmentTooLargeError(maxBytes);
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    pendingBytes += piece.length;
    while (pendingBytes >= size) {
      const joined = Buffer.concat(pending);
      yield joined.subarray(0, size);
      pending = [joined.subarray(size)];
      pendingBytes -= size;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

/** A byte array as a one-piece stream, for callers (and tests) that already hold the bytes. */
export async function* streamOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** Reads a whole stream: for small files in tests and the migration's checksum comparison only. */
export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The largest attachment accepted: ATTACHMENT_MAX_BYTES, 10 MB by default. */
export function attachmentMaxBytes(): number {
  const configured = Number(process.env.ATTACHMENT_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? Math.floor(configured) : DEFAULT_MAX_BYTES;
}
