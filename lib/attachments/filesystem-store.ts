import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertKey,
  AttachmentStoreFullError,
  AttachmentTooLargeError,
  type AttachmentStore,
  type StoredObject,
} from "@/lib/attachments/store";

/** Files under a directory (ATTACHMENT_DIR, default ./data/attachments), fanned out by the key's first two characters. */
export class FilesystemAttachmentStore implements AttachmentStore {
  readonly kind = "filesystem";
  constructor(readonly root: string) {}

  private pathOf(key: string) {
    assertKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(
    key: string,
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes?: number } = {},
  ): Promise<StoredObject> {
    const target = this.pathOf(key);
    const maxBytes = options.maxBytes ?? Infinity;
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = `${target}.${randomBytes(4).toString("hex")}.part`;
    const hash = createHash("sha256");
    let sizeBytes = 0;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(
        source,
        async function* (pieces: AsyncIterable<Uint8Array>) {
          for await (const piece of pieces) {
            sizeBytes += piece.length;
            if (sizeBytes > maxBytes) throw new AttachmentTooLargeError(maxBytes);
            hash.update(piece);
            yield piece;
          }
        },
        createWriteStream(temporary, { flags: "wx", mode: 0o600 }),
      );
      // The bytes reach the disk before the database row that names them is committed.
      const handle = await open(temporary, "r");
      await handle.sync().finally(() => handle.close());
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      if ((error as NodeJS.ErrnoException).code === "ENOSPC" || (error as NodeJS.ErrnoException).code === "EDQUOT")
        throw new AttachmentStoreFullError(error);
      throw error;
    }
    return { sizeBytes, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      // Opened first, so a missing file is null rather than a stream that fails later.
      const handle = await open(file, "r");
      return handle.createReadStream({ autoClose: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string) {
    await rm(this.pathOf(key), { force: true });
  }

  async *keys(): AsyncIterable<string> {
    let prefixes: string[];
    try {
      prefixes = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const prefix of prefixes.sort()) {
      if (!/^[a-f0-9]{2}$/.test(prefix)) continue;
      for (const name of (await readdir(path.join(this.root, prefix))).sort()) {
        if (/^[a-f0-9]{40}$/.test(name)) yield name;
      }
    }
  }
}
