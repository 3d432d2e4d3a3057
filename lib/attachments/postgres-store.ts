import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type pg from "pg";
import {
  assertKey,
  AttachmentStoreFullError,
  AttachmentTooLargeError,
  chunksOf,
  type AttachmentStore,
  type StoredObject,
} from "@/lib/attachments/store";

// Attachments in PostgreSQL, so every app instance shares them and a database
// backup includes them (docs/operations.md#attachments). A file is a row in
// "AttachmentBlob" and its bytes are rows of 256 KiB in "AttachmentChunk",
// written and read one chunk per statement: no file is ever whole in memory,
// and no transaction stays open while a slow client uploads. The blob is
// marked complete only after its last chunk; until then get() does not see
// it, and a put that died half-way is swept after an hour.

export const CHUNK_BYTES = 256 * 1024;
const DISK_FULL = new Set(["53100", "53200"]); // disk_full, out_of_memory

export class PostgresAttachmentStore implements AttachmentStore {
  readonly kind = "postgres";
  constructor(private readonly pool: () => pg.Pool) {}

  async put(
    key: string,
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes?: number } = {},
  ): Promise<StoredObject> {
    assertKey(key);
    const pool = this.pool();
    const hash = createHash("sha256");
    let sizeBytes = 0;
    try {
      await pool.query(`INSERT INTO "AttachmentBlob" ("storageKey") VALUES ($1)`, [key]);
      let seq = 0;
      for await (const chunk of chunksOf(source, CHUNK_BYTES, options.maxBytes)) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        await pool.query(`INSERT INTO "AttachmentChunk" ("storageKey", seq, data) VALUES ($1, $2, $3)`, [
          key,
          seq++,
          chunk,
        ]);
      }
      const sha256 = hash.digest("hex");
      await pool.query(
        `UPDATE "AttachmentBlob" SET complete = true, "sizeBytes" = $2, sha256 = $3, chunks = $4 WHERE "storageKey" = $1`,
        [key, sizeBytes, sha256, seq],
      );
      return { sizeBytes, sha256 };
    } catch (error) {
      await pool.query(`DELETE FROM "AttachmentBlob" WHERE "storageKey" = $1`, [key]).catch(() => undefined);
      if (error instanceof AttachmentTooLargeError) throw error;
      if (DISK_FULL.has((error as { code?: string }).code ?? "")) throw new AttachmentStoreFullError(error);
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    assertKey(key);
    const pool = this.pool();
    const { rows } = await pool.query<{ chunks: number }>(
      `SELECT chunks FROM "AttachmentBlob" WHERE "storageKey" = $1 AND complete`,
      [key],
    );
    if (!rows[0]) return null;
    const chunks = rows[0].chunks;
    async function* read() {
      for (let seq = 0; seq < chunks; seq++) {
        const result = await pool.query<{ data: Buffer }>(
          `SELECT data FROM "AttachmentChunk" WHERE "storageKey" = $1 AND seq = $2`,
          [key, seq],
        );
        if (!result.rows[0]) throw new Error(`Attachment ${key} is missing chunk ${seq}`);
        yield result.rows[0].data;
      }
    }
    return Readable.from(read(), { objectMode: false });
  }

  async delete(key: string) {
    assertKey(key);
    await this.pool().query(`DELETE FROM "AttachmentBlob" WHERE "storageKey" = $1`, [key]);
  }

  async *keys(): AsyncIterable<string> {
    let after = "";
    for (;;) {
      const { rows } = await this.pool().query<{ storageKey: string }>(
        `SELECT "storageKey" FROM "AttachmentBlob" WHERE complete AND "storageKey" > $1 ORDER BY "storageKey" LIMIT 500`,
        [after],
      );
      if (!rows.length) return;
      for (const row of rows) yield row.storageKey;
      after = rows[rows.length - 1].storageKey;
    }
  }

  /** Removes uploads that died half-way (the process was killed mid-put). Run at start-up. */
  async sweepIncomplete(olderThanMinutes = 60): Promise<number> {
    const result = await this.pool().query(
      `DELETE FROM "AttachmentBlob" WHERE NOT complete AND "createdAt" < now() - make_interval(mins => $1)`,
      [olderThanMinutes],
    );
    return result.rowCount ?? 0;
  }
}
